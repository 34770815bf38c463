package io.assay.cli.models;

import java.util.Optional;
import io.assay.api.Requests;
import io.assay.api.Governance;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
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
        try (Session session = context.openSession(); Governance as = session.governance()) {
            var version = as.recordTest(useCase, number, new Requests.RecordTest(name, verdict.passed, detail, Optional.of(findings)));
            VersionResult.print(context, version, verdict.passed ? "Test passed" : "Test failed");
            return 0;
        }
    }
}
