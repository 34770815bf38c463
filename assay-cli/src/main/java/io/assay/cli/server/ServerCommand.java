package io.assay.cli.server;

import io.assay.cli.AssayConfig;
import io.assay.cli.CommandContext;
import io.assay.server.ServerApp;
import io.assay.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the REST API (/api/v1) on this home until stopped (Ctrl-C). On an embedded home's first start it writes "
                + "an admin token to a file only you can read. Settings: ASSAY_SERVER_HOST, ASSAY_SERVER_PORT, ASSAY_PROFILE, ASSAY_AUTH.")
public final class ServerCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--port", description = "Port (default: $ASSAY_SERVER_PORT or 8321; 0 picks a free one)")
    Optional<Integer> port;

    @Option(names = "--host", description = "Interface to listen on (default: $ASSAY_SERVER_HOST or 127.0.0.1)")
    Optional<String> host;

    @Option(names = "--env", defaultValue = "production", description = "Whose routing the scoring routes serve: test or production "
            + "(default: ${DEFAULT-VALUE})")
    String environment;

    @Option(names = "--profile", description = "embedded or production (default: $ASSAY_PROFILE or embedded)")
    Optional<String> profile;

    ServerCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        AssayConfig config = context.config();
        ServerConfig server = ServerConfig.from(context.environment().variables(), config.actor());
        server = port.map(server::withPort).orElse(server);
        server = host.map(server::withHost).orElse(server);
        server = profile.map(ServerConfig::profile).map(server::withProfile).orElse(server);
        var output = context.output();
        // The CLI keeps library logs quiet; a server's operator wants one line per request (method, path, status, actor, request id).
        System.setProperty("org.slf4j.simpleLogger.log.io.assay.server.access", "info");
        ServerApp app = ServerApp.start(server, io.assay.cli.EnvironmentOption.parse(environment), config.database(), config.home(), config.pseudonymKey(), context.environment().clock(),
                Optional.ofNullable(ServerCommand.class.getPackage().getImplementationVersion()).orElse("development"), output::note);
        String address = "http://" + server.host() + ":" + app.port();
        output.note("Assay server (" + server.profile().name().toLowerCase(java.util.Locale.ROOT) + " profile) on " + address
                + " over " + config.database().describe());
        output.note("  API description: " + address + "/api/v1/openapi.json   health: " + address + "/api/v1/health");
        output.note("  Use it from the CLI with --server " + address + " and ASSAY_TOKEN set to your token. Stop with Ctrl-C.");
        UntilStopped.run(app, "assay-server-shutdown");
        return 0;
    }
}
