package io.assay.cli.models;

import io.assay.api.VersionView;
import io.assay.api.Governance;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Everything about one version: stage and why, gates, reviews, tests, findings, and the digest reviewers sign.")
final class ShowCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Parameters(index = "1", description = "Version number")
    int number;

    ShowCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); Governance as = session.governance()) {
            VersionView version = as.version(useCase, number);
            context.output().result(version, out -> ModelViews.printVersion(out, version));
            return 0;
        }
    }
}
