package io.assay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command, driven with odd but legal arguments (a one-letter name, a bare file name such
 * as head.json, version 0, a day long past), as three people: the home's admin, a data scientist
 * and someone who is no user. Whatever it answers, it answers in words: never a Java stack trace,
 * never an unexpected failure. Regression: 'audit checkpoint --out head.json' printed a
 * NullPointerException and its trace.
 */
class NoStackTraceTest {
    /** Commands that would not return (the server) or take minutes (the demo); each has an end-to-end test of its own. */
    private static final Set<String> LEFT_OUT = Set.of("assay server", "assay demo");
    /** Options that keep a command small when it would otherwise work on its defaults for long. */
    private static final Map<String, List<String>> SMALL = Map.of("assay bank simulate", List.of("--customers", "5", "--days", "1"));

    @TempDir
    Path home;
    @TempDir
    Path work;

    @Test
    void no_command_answers_odd_arguments_with_a_stack_trace() {
        CliRunner cli = new CliRunner(home, Clock.systemUTC());
        assertThat(cli.run("--as", "admin", "users", "add", "dana", "--roles", "DATA_SCIENTIST").exitCode()).isZero();
        List<List<String>> calls = new ArrayList<>();
        collect(Assay.createCommandLine(CliEnvironment.system()), calls);
        assertThat(calls).hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        for (List<String> call : calls) {
            for (String person : List.of("admin", "dana", "ghost")) {
                for (boolean json : List.of(false, true)) {
                    List<String> args = new ArrayList<>(List.of("--as", person));
                    if (json) {
                        args.add("--json");
                    }
                    args.addAll(call);
                    CliRunner.Run run = cli.run(args.toArray(String[]::new));
                    if (run.err().contains("\tat ") || run.err().contains("Exception") || run.err().contains("UNEXPECTED")) {
                        failures.add(String.join(" ", args) + " -> " + run.exitCode() + ": " + run.err().lines().limit(3).toList());
                    }
                }
            }
        }
        assertThat(failures).as("commands that answered with a trace or an unexpected failure").isEmpty();
    }

    /** A bare file name lands in the working folder (the JVM cannot change it): it goes once the test is done. */
    @org.junit.jupiter.api.AfterEach
    void removeBareFiles() throws java.io.IOException {
        java.nio.file.Files.deleteIfExists(Path.of("head.json"));
    }

    private void collect(CommandLine command, List<List<String>> calls) {
        CommandSpec spec = command.getCommandSpec();
        String name = spec.qualifiedName();
        if (LEFT_OUT.contains(name)) {
            return;
        }
        if (!command.getSubcommands().isEmpty()) {
            command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, calls));
            return;
        }
        List<String> call = new ArrayList<>(List.of(name.substring("assay ".length()).split(" ")));
        for (CommandLine.Model.PositionalParamSpec positional : spec.positionalParameters()) {
            call.add(value(positional));
        }
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            if (option.required()) {
                call.add(option.longestName());
                if (option.arity().max() > 0) {
                    call.add(value(option));
                }
            }
        }
        call.addAll(SMALL.getOrDefault(name, List.of()));
        calls.add(call);
    }

    /** An odd but legal value of the argument's type. */
    private String value(ArgSpec argument) {
        Class<?> type = argument.type();
        if (type == int.class || type == Integer.class || type == long.class) {
            return "0";
        }
        if (type == LocalDate.class) {
            return "2001-01-01";
        }
        if (type == Path.class) {
            return argument.paramLabel().contains("DIR") ? work.resolve("nowhere").toString() : "head.json";
        }
        return "x";
    }
}
