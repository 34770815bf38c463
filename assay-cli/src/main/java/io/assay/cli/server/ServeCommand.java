package io.assay.cli.server;

import io.assay.cli.AssayConfig;
import io.assay.cli.CommandContext;
import io.assay.cli.EnvironmentOption;
import io.assay.core.registry.Environment;
import io.assay.server.ServerConfig;
import io.assay.server.ServingApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run one environment's scoring API alone (POST /v1/score/{use_case}, the Open Inference Protocol's health routes, "
                + "/v1/metrics) until stopped: no control plane, no database read per request, so several can serve one home. Every "
                + "call needs a token. SIGTERM drains the requests in flight. Settings: ASSAY_SERVER_HOST, ASSAY_PROFILE.")
public final class ServeCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--env", required = true, description = "test or production")
    String environment;

    @Option(names = "--port", defaultValue = "8322", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", description = "Interface to listen on (default: $ASSAY_SERVER_HOST or 127.0.0.1)")
    Optional<String> host;

    ServeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Environment env = EnvironmentOption.parse(environment);
        AssayConfig config = context.config();
        ServerConfig server = ServerConfig.from(context.environment().variables(), config.actor()).withPort(port);
        server = host.map(server::withHost).orElse(server);
        var output = context.output();
        ServingApp app = ServingApp.start(server, env, config.database(), config.home(), config.pseudonymKey(),
                context.environment().clock());
        String address = "http://" + server.host() + ":" + app.port();
        output.note("Assay scoring (" + env.name().toLowerCase(Locale.ROOT) + ") on " + address + " over " + config.database().describe());
        output.note("  Score: POST " + address + "/v1/score/{use_case} with an APP token   ready: " + address + "/v2/health/ready");
        output.note("  Stop with Ctrl-C or SIGTERM: the requests in flight are answered first (up to "
                + ServingApp.DRAIN.toSeconds() + " s).");
        UntilStopped.run(app, "assay-serve-shutdown");
        return 0;
    }
}
