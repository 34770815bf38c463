package io.assay.cli.models;

import io.assay.api.Requests;
import io.assay.api.Governance;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "retire", mixinStandardHelpOptions = true, description = "Retire a version for good (MLOps), with a reason.")
final class RetireCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Parameters(index = "1", description = "Version number")
    int number;

    @Option(names = "--reason", required = true, description = "Why, for the record")
    String reason;

    RetireCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); Governance as = session.governance()) {
            VersionResult.print(context, as.retire(useCase, number, new Requests.Retire(reason)), "Retired");
            return 0;
        }
    }
}
