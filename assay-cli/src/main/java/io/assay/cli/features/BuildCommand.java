package io.assay.cli.features;

import io.assay.api.FeatureViews.BuildView;
import io.assay.api.FeaturesApi;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build a feature view as of a day, under your grants (a logged read), and publish it as an immutable, "
                + "content-hashed Parquet file with its lineage. The same snapshots give the same build: nothing changes then.")
final class BuildCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--view", required = true, description = "The feature view (see: assay features list)")
    String view;

    @Option(names = "--as-of", required = true, description = "The day the features describe: yyyy-MM-dd, or -7d, yesterday")
    LocalDate asOf;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the build's Parquet file here (a logged read like any other)")
    java.nio.file.Path out;

    BuildCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (out != null && context.remote().isPresent()) {
            throw io.assay.core.error.AssayException.invalid("--out writes the build to a file on the home's machine; on a server, "
                    + "build without --out, and export it on the server's home");
        }
        try (Session session = context.openSession(); FeaturesApi features = session.features()) {
            BuildView build = features.build(view, asOf);
            java.util.Optional<java.nio.file.Path> written = java.util.Optional.ofNullable(out)
                    .map(file -> session.services().data().features().export(context.config().actor(), build.id(), file));
            context.output().result(build, text -> {
                FeatureText.build(text, build);
                written.ifPresent(file -> text.println("  written to " + file));
            });
            return 0;
        }
    }
}
