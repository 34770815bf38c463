package io.assay.cli.models;

import io.assay.api.Governance;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit your draft as a CANDIDATE; its metric spec is frozen from here.")
final class SubmitCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Parameters(index = "1", description = "Version number")
    int number;

    SubmitCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); Governance as = session.governance()) {
            VersionResult.print(context, as.submit(useCase, number), "Submitted");
            return 0;
        }
    }
}
