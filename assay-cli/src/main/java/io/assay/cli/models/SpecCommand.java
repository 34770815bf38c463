package io.assay.cli.models;

import io.assay.api.ModelSpec;
import io.assay.cli.CommandContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The model spec file (docs/model-spec.md): check one before registering with it. */
@Command(name = "spec", mixinStandardHelpOptions = true, description = "Model spec files: see docs/model-spec.md.",
        subcommands = SpecCommand.Check.class)
final class SpecCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Read a spec file as registration would and say what is wrong, or what it holds.")
    static final class Check implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(paramLabel = "FILE", description = "The spec, YAML or JSON")
        Path file;

        Check(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ModelSpec spec = ModelSpecFile.check(file);
            var json = context.output().object().put("spec_format", ModelSpec.FORMAT).put("output", spec.signature().output())
                    .put("features", spec.signature().features().size()).put("metrics", spec.metricSpec().thresholds().size())
                    .put("snapshots", spec.provenance().snapshotHashes().size());
            context.output().result(json, out -> out.printf("%s is a valid model spec (format %d): %d feature(s) -> %s; %d metric(s): %s; "
                            + "%d training snapshot(s)%n", file, ModelSpec.FORMAT, spec.signature().features().size(),
                    spec.signature().output(), spec.metricSpec().thresholds().size(), spec.metricSpec().thresholds().stream()
                            .map(t -> t.metric() + (t.comparison() == io.assay.core.registry.MetricThreshold.Comparison.AT_LEAST ? " >= "
                                    : " <= ") + t.threshold()).toList(), spec.provenance().snapshotHashes().size()));
            return 0;
        }
    }
}
