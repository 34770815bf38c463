package io.assay.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.Optional;

/** Options every command takes, before or after its name. */
public final class GlobalOptions {
    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Assay home folder (default: $ASSAY_HOME or ~/.assay)")
    Path home;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print results as JSON")
    boolean json;

    @Option(names = "--pick", paramLabel = "POINTER", scope = ScopeType.INHERIT,
            description = "Print one value of the JSON answer, by JSON pointer (e.g. /snapshots/0/id), for scripts")
    String pick;

    @Option(names = "--as", paramLabel = "USER", scope = ScopeType.INHERIT,
            description = "Act as this user (default: $ASSAY_USER or the operating-system user)")
    String actor;

    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Work against a running Assay server instead of the local home (default: $ASSAY_SERVER)")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
            description = "Your API token for --server (default: $ASSAY_TOKEN, which keeps it out of the process list)")
    String token;

    Optional<Path> home() {
        return Optional.ofNullable(home);
    }

    Optional<String> actor() {
        return Optional.ofNullable(actor);
    }

    Optional<String> server() {
        return Optional.ofNullable(server);
    }

    Optional<String> token() {
        return Optional.ofNullable(token);
    }
}
