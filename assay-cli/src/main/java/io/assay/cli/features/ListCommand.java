package io.assay.cli.features;

import io.assay.api.FeatureViews.ViewView;
import io.assay.api.FeaturesApi;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the feature views in force (shipped, and the home's own).")
final class ListCommand implements Callable<Integer> {
    private final CommandContext context;

    ListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); FeaturesApi features = session.features()) {
            List<ViewView> views = features.views();
            var json = context.output().object();
            json.set("views", Output.JSON.valueToTree(views));
            context.output().result(json, out -> {
                out.printf("%-20s %7s %-12s %8s %10s  %s%n", "VIEW", "VERSION", "ENTITY", "FEATURES", "ATTRIBUTES", "DESCRIPTION");
                for (ViewView view : views) {
                    long attributes = view.columns().stream().filter(c -> c.role().equals("ATTRIBUTE")).count();
                    out.printf("%-20s %7d %-12s %8d %10d  %s%n", view.name(), view.version(), view.entity(),
                            view.columns().size() - attributes, attributes, view.description());
                }
                out.printf("%d view(s), %d feature(s); show one with: assay features show VIEW%n", views.size(),
                        views.stream().mapToLong(v -> v.columns().stream().filter(c -> c.role().equals("FEATURE")).count()).sum());
            });
            return 0;
        }
    }
}
