package io.assay.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** What the command reads from the world it runs in; tests pass their own. */
public record CliEnvironment(Map<String, String> variables, Clock clock, PrintWriter out, PrintWriter err,
                             boolean interactive) {
    public CliEnvironment {
        variables = Map.copyOf(requireNonNull(variables, "variables is null"));
        requireNonNull(clock, "clock is null");
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Clock.systemDefaultZone(),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                System.console() != null);
    }
}
