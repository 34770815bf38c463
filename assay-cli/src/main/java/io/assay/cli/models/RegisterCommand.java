package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.api.ArtifactView;
import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.VersionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Register a new version of a use case as a DRAFT: a training run's model (--run, bundled with its signature, "
                + "provenance and reference profile; the spec holds the metrics and gate bounds), or a bare model file (--artifact, "
                + "with a spec that also holds signature and provenance).")
final class RegisterCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Option(names = "--run", description = "A run whose model to register (see: assay runs list)")
    String run;

    @Option(names = "--xgboost-model", description = "An XGBoost JSON model trained elsewhere (save_model(\"model.json\")); needs "
            + "--signature and --trainset")
    Path xgboostModel;

    @Option(names = "--signature", description = "YAML or JSON of the external model's inputs: {output, inputs: [{name, type, nullable}]}")
    Path signature;

    @Option(names = "--trainset", description = "The training set whose rows profile and gate the external model")
    String trainset;

    @Option(names = "--artifact", description = "A bare model file; stored by its SHA-256 (Assay cannot run its gates)")
    Path artifact;

    @Option(names = "--format", defaultValue = "xgboost-json", description = "Artifact format (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--spec", required = true, description = "YAML or JSON (spec_format 1): metrics and gate bounds; with --artifact "
            + "also signature and provenance")
    Path spec;

    @Option(names = "--reworks", description = "The sent-back version this one reworks")
    Optional<Integer> reworks;

    RegisterCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        int sources = (run == null ? 0 : 1) + (artifact == null ? 0 : 1) + (xgboostModel == null ? 0 : 1);
        if (sources != 1) {
            throw io.assay.core.error.AssayException.invalid("say what to register, once: --run RUN (a training run's model), "
                    + "--xgboost-model FILE (trained elsewhere) or --artifact FILE");
        }
        if (run != null) {
            return registerRun();
        }
        if (xgboostModel != null) {
            return registerExternal();
        }
        var parsed = ModelSpecFile.read(spec);
        try (Session session = context.openSession(); Governance as = session.governance()) {
            as.useCase(useCase);
            ArtifactView stored = as.storeArtifact(artifact, format);
            VersionView version = as.registerVersion(useCase, new Requests.RegisterVersion(stored.sha256(), Optional.of(stored.format()),
                    parsed, reworks));
            context.output().result(version, out -> out.printf("Registered %s as DRAFT (artifact %s). Submit it with: %s%n",
                    version.label(), stored.sha256().substring(0, 12), context.command("models submit " + useCase + " " + version.version())));
            return 0;
        }
    }

    private Integer registerExternal() {
        if (signature == null || trainset == null) {
            throw io.assay.core.error.AssayException.invalid("--xgboost-model needs --signature FILE and --trainset TRAINSET");
        }
        var parsed = ModelSpecFile.readMetricSpec(spec);
        var inputs = ModelSpecFile.readDocument(signature, "signature");
        try (Session session = context.openSession(); Governance as = session.governance();
             io.assay.api.TrainingApi training = session.training(io.assay.train.model.TrainingProgress.SILENT)) {
            as.useCase(useCase);
            ArtifactView stored = as.storeArtifact(xgboostModel, "xgboost-json");
            VersionView version = training.registerExternal(useCase, new Requests.RegisterExternal(stored.sha256(), inputs, trainset, parsed,
                    reworks));
            context.output().result(version, out -> out.printf("Registered %s as DRAFT from %s (checked: %s; bundle %s). Submit it with: %s%n",
                    version.label(), xgboostModel.getFileName(), "XGBoost JSON, trees and feature indices against the signature",
                    version.artifact().sha256().substring(0, 12), context.command("models submit " + useCase + " " + version.version())));
            return 0;
        }
    }

    private Integer registerRun() {
        var parsed = ModelSpecFile.readMetricSpec(spec);
        try (Session session = context.openSession();
             io.assay.api.TrainingApi training = session.training(io.assay.train.model.TrainingProgress.SILENT)) {
            VersionView version = training.registerRun(useCase, new Requests.RegisterRun(run, parsed, reworks));
            context.output().result(version, out -> out.printf("Registered %s as DRAFT from %s (bundle %s). Submit it with: %s%n",
                    version.label(), run, version.artifact().sha256().substring(0, 12),
                    context.command("models submit " + useCase + " " + version.version())));
            return 0;
        }
    }
}
