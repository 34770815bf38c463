package io.assay.cli.gates;

import io.assay.api.TrainingApi;
import io.assay.api.TrainingViews.ReproduceView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.train.model.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "reproduce", mixinStandardHelpOptions = true, description = "Rebuild a version's training set from the recorded snapshots "
        + "and definitions, retrain with the recorded parameters, seed and threads, and compare the model's SHA-256 with the "
        + "registered one: IDENTICAL, or the first difference (exit 5).")
public final class ReproduceCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Parameters(index = "1", description = "Version number")
    int version;

    ReproduceCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); TrainingApi training = session.training(TrainingProgress.SILENT)) {
            ReproduceView result = training.reproduce(useCase, version);
            context.output().result(result, out -> {
                out.printf("%s v%d: %s (model sha256 %s registered, %s rebuilt)%n", useCase, version, result.verdict(),
                        result.registeredModelSha256().substring(0, 12), result.reproducedModelSha256().substring(0, 12));
                result.differences().forEach(d -> out.printf("  %s%n", d));
            });
            if (!result.verdict().equals("IDENTICAL")) {
                throw new io.assay.core.error.AssayException(io.assay.core.error.ErrorCode.NOT_REPRODUCED, useCase + " v" + version
                        + " rebuilt from its lineage is not the registered model: " + result.differences().get(0));
            }
            return 0;
        }
    }
}
