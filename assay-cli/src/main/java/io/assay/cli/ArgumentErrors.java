package io.assay.cli;

import io.assay.core.error.ErrorCode;
import picocli.CommandLine;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a user sees when the command line itself is wrong (an unknown command or option, a value
 * of the wrong shape): one line naming the problem, the closest command when a name was mistyped,
 * and where the help is — not the whole usage text. Exit code 2, like every other bad input.
 */
final class ArgumentErrors implements CommandLine.IParameterExceptionHandler {
    private final CliEnvironment environment;
    private final java.util.function.Supplier<GlobalOptions> options;

    ArgumentErrors(CliEnvironment environment, java.util.function.Supplier<GlobalOptions> options) {
        this.environment = environment;
        this.options = options;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        String message = problem.getMessage();
        if (problem instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            Optional<String> closest = closest(unmatched.getUnmatched().get(0), List.copyOf(command.getSubcommands().keySet()));
            message = message + closest.map(name -> "; did you mean '" + name + "'?").orElse("");
        }
        String help = "see '" + command.getCommandSpec().qualifiedName() + " --help'";
        if (options.get() != null && options.get().json) {
            var error = Output.JSON.createObjectNode();
            error.putObject("error").put("code", ErrorCode.INVALID_ARGUMENT.name()).put("message", message);
            environment.out().println(error.toPrettyString());
            environment.out().flush();
        }
        environment.err().println("assay: " + ErrorCode.INVALID_ARGUMENT + ": " + message + " (" + help + ")");
        environment.err().flush();
        return 2;
    }

    /** The subcommand a mistyped word most likely meant: within two edits, the nearest. */
    static Optional<String> closest(String typed, List<String> names) {
        return names.stream().filter(name -> distance(typed, name) <= 2)
                .min(Comparator.comparingInt((String name) -> distance(typed, name)).thenComparing(name -> name));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
