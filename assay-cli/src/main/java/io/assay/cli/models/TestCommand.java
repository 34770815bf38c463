package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.registry.Finding;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Record an MLOps test-environment check: a pass makes the version TESTED, a failure sends it back with findings.")
final class TestCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Parameters(index = "1", description = "Version number")
    int number;

    @Option(names = "--name", required = true, description = "The check, e.g. backtest, challenger, contract, shadow")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    PassedOrFailed verdict;

    @Option(names = "--detail", required = true, description = "What was checked and what came out")
    String detail;

    @Option(names = "--finding", description = "What to fix (repeatable; a failure needs at least one)")
    List<String> findings = List.of();

    TestCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession()) {
            var version = session.registry().recordTest(session.config().actor(), useCase, number, name, verdict.passed, detail,
                    findings.stream().map(Finding::of).toList(), session.requestId());
            VersionResult.print(context, session, version, verdict.passed ? "Test passed" : "Test failed");
            return 0;
        }
    }
}
