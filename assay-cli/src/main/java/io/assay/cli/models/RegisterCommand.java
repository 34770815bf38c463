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
        description = "Register a new version of a use case as a DRAFT: its artifact, signature, provenance and metric spec.")
final class RegisterCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Option(names = "--artifact", required = true, description = "The model file; stored by its SHA-256")
    Path artifact;

    @Option(names = "--format", defaultValue = "xgboost-json", description = "Artifact format (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--spec", required = true, description = "YAML or JSON with signature, provenance and metrics (spec_format 1)")
    Path spec;

    @Option(names = "--reworks", description = "The sent-back version this one reworks")
    Optional<Integer> reworks;

    RegisterCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
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
}
