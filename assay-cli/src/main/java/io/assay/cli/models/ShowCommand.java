package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.UseCase;
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
        try (Session session = context.openSession()) {
            ModelVersion version = session.registry().version(useCase, number);
            UseCase found = session.registry().findUseCase(useCase).orElseThrow();
            context.output().result(ModelViews.version(version, found), out -> ModelViews.printVersion(out, version, found));
            return 0;
        }
    }
}
