package io.assay.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import picocli.CommandLine;

/**
 * The one place that turns an error into what a user sees: a message naming the problem, the
 * stable error code, and an exit code per category (JSON on stdout too with --json).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    private final CliEnvironment environment;
    private final java.util.function.Supplier<GlobalOptions> options;

    ErrorHandler(CliEnvironment environment, java.util.function.Supplier<GlobalOptions> options) {
        this.environment = environment;
        this.options = options;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        // Domain records refuse values out of their range this way: bad input, as on the server.
        Exception exception = failure instanceof IllegalArgumentException || failure instanceof java.time.DateTimeException
                ? AssayException.invalid(Names.printable(String.valueOf(failure.getMessage()), 300)) : failure;
        if (!(exception instanceof AssayException assay)) {
            // A person gets what failed in one line; the trace is for whoever debugs Assay, on request.
            environment.err().println("assay: " + ErrorCode.UNEXPECTED + ": " + Names.printable(String.valueOf(exception), 1000)
                    + " (this is a bug in Assay; run again with ASSAY_DEBUG=1 to print the trace, and report it)");
            if (environment.variables().containsKey("ASSAY_DEBUG")) {
                exception.printStackTrace(environment.err());
            }
            environment.err().flush();
            return 1;
        }
        if (options.get().json) {
            ObjectNode error = Output.JSON.createObjectNode();
            error.putObject("error").put("code", assay.code().name()).put("message", assay.getMessage());
            environment.out().println(error.toPrettyString());
            environment.out().flush();
        }
        environment.err().println("assay: " + assay.code() + ": " + Names.printable(assay.getMessage(), 4000));
        environment.err().flush();
        return exitCode(assay);
    }

    static int exitCode(AssayException exception) {
        return switch (exception.code().category()) {
            case INVALID_INPUT, TOO_LARGE -> 2;
            case NOT_FOUND -> 3;
            case UNAUTHENTICATED, FORBIDDEN -> 4;
            case CONFLICT -> 5;
            case INTERNAL -> 1;
        };
    }
}
