package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.api.VersionView;

/** Prints a version after a change: one line for a person, the whole version as JSON. */
final class VersionResult {
    private VersionResult() {}

    static void print(CommandContext context, VersionView version, String what) {
        context.output().result(version, out -> out.printf("%s: %s is %s — %s%n", what, version.label(), version.stage(),
                version.stageReason()));
    }
}
