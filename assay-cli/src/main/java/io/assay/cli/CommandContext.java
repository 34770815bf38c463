package io.assay.cli;

import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** What every command gets: the world it runs in and the global options it was given. */
public final class CommandContext {
    private final CliEnvironment environment;
    private final Supplier<GlobalOptions> options;

    /** {@code options} is read when a command runs, after picocli has parsed them. */
    CommandContext(CliEnvironment environment, Supplier<GlobalOptions> options) {
        this.environment = requireNonNull(environment, "environment is null");
        this.options = requireNonNull(options, "options is null");
    }

    public CliEnvironment environment() {
        return environment;
    }

    /**
     * A command for a next-step hint, runnable as printed: with --home when one was given and
     * --as on a local home, e.g. {@code ./assay --home /tmp/h --as dana models submit churn 1}.
     */
    public String command(String rest) {
        StringBuilder command = new StringBuilder("./assay");
        options.get().home().ifPresent(home -> command.append(" --home ").append(home));
        if (remote().isEmpty()) {
            command.append(" --as ").append(config().actor());
        }
        return command.append(' ').append(rest).toString();
    }

    public AssayConfig config() {
        return AssayConfig.from(environment.variables(), options.get().home(), options.get().actor());
    }

    /** The server to work against, if --server or ASSAY_SERVER names one; --as makes no sense there. */
    public Optional<RemoteServer> remote() {
        Optional<RemoteServer> remote = RemoteServer.from(environment.variables(), options.get().server(), options.get().token());
        if (remote.isPresent() && options.get().actor().isPresent()) {
            throw new io.assay.core.error.AssayException(io.assay.core.error.ErrorCode.INVALID_ARGUMENT,
                    "--as does not apply with --server: the token decides who you are");
        }
        return remote;
    }

    public Output output() {
        return new Output(environment.out(), environment.err(), options.get().json, java.util.Optional.ofNullable(options.get().pick),
                environment.interactive());
    }

    public Session openSession() {
        return new Session(config(), environment, remote());
    }
}
