package io.assay.cli.features;

import io.assay.api.FeatureViews.BuildView;
import io.assay.api.FeaturesApi;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "builds", mixinStandardHelpOptions = true, description = "List published feature builds, oldest as-of first.")
final class BuildsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--view", description = "Only this view's builds")
    String view;

    BuildsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); FeaturesApi features = session.features()) {
            List<BuildView> builds = features.builds(Optional.ofNullable(view));
            var json = context.output().object();
            json.set("builds", Output.JSON.valueToTree(builds));
            context.output().result(json, out -> {
                out.printf("%-44s %-10s %10s  %-12s %s%n", "BUILD", "AS OF", "ROWS", "BY", "WARNINGS");
                builds.forEach(b -> out.printf("%-44s %-10s %,10d  %-12s %d%n", b.id(), b.asOf(), b.rows(), b.builtBy(), b.warnings().size()));
                out.printf("%d build(s)%n", builds.size());
            });
            return 0;
        }
    }
}
