package io.assay.cli.features;

import io.assay.api.FeatureViews.ViewView;
import io.assay.api.FeaturesApi;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a feature view: its columns (type, role, owner, "
        + "nullability, description) and its SQL.")
final class ShowCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "VIEW", description = "A feature view (see: assay features list)")
    String name;

    ShowCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); FeaturesApi features = session.features()) {
            ViewView view = features.view(name);
            context.output().result(view, out -> {
                out.printf("View          %s v%d (%s)%n", view.name(), view.version(), view.source());
                out.printf("Entity        %s%n", view.entity());
                out.printf("Owner         %s%n", view.owner());
                out.printf("Description   %s%n", view.description());
                out.printf("SQL SHA-256   %s%n", view.sqlSha256());
                out.println("Columns");
                view.columns().forEach(c -> out.printf("  %-26s %-8s %-9s %-8s %-14s %s%n", c.name(), c.type(), c.role(),
                        c.nullable() ? "nullable" : "required", c.owner(), c.description()));
                out.println("SQL (run over as-of views: every table as it stood at the end of :as_of)");
                view.sql().lines().forEach(line -> out.println("  " + line));
            });
            return 0;
        }
    }
}
