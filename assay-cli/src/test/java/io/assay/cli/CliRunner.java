package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the assay command in-process through the same factory as main, on one home, and keeps what it printed. */
final class CliRunner {
    static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return Output.JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out, e);
            }
        }
    }

    private final Path home;
    private final Clock clock;

    CliRunner(Path home, Clock clock) {
        this.home = home;
        this.clock = clock;
    }

    Run run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs with these environment variables added (e.g. ASSAY_SERVER and ASSAY_TOKEN). */
    Run run(Map<String, String> variables, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environmentVariables = new java.util.HashMap<>(Map.of("ASSAY_PSEUDONYM_KEY", KEY, "ASSAY_USER", "tester"));
        environmentVariables.putAll(variables);
        CliEnvironment environment = new CliEnvironment(Map.copyOf(environmentVariables), clock,
                new PrintWriter(out, true), new PrintWriter(err, true), false);
        List<String> withHome = new ArrayList<>(List.of("--home", home.toString()));
        withHome.addAll(List.of(args));
        int exitCode = Assay.createCommandLine(environment).execute(withHome.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }
}
