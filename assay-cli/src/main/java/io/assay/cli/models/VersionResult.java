package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.UseCase;

/** Prints a version after a change: one line for a person, the whole version as JSON. */
final class VersionResult {
    private VersionResult() {}

    static void print(CommandContext context, Session session, ModelVersion version, String what) {
        UseCase useCase = session.registry().findUseCase(version.useCase()).orElseThrow();
        context.output().result(ModelViews.version(version, useCase), out -> out.printf("%s: %s is %s — %s%n", what, version.label(),
                version.stage(), version.stageReason()));
    }
}
