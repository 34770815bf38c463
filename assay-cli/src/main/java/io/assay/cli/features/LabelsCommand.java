package io.assay.cli.features;

import io.assay.api.FeatureViews.LabelView;
import io.assay.api.FeaturesApi;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "labels", mixinStandardHelpOptions = true,
        description = "List the use cases' label definitions: horizon, the views their models read, and the population rules.")
final class LabelsCommand implements Callable<Integer> {
    private final CommandContext context;

    LabelsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); FeaturesApi features = session.features()) {
            List<LabelView> labels = features.labels();
            var json = context.output().object();
            json.set("labels", Output.JSON.valueToTree(labels));
            context.output().result(json, out -> {
                for (LabelView label : labels) {
                    out.printf("%-22s v%d  %3d-day horizon  views %s  population rules %s%n", label.useCase(), label.version(),
                            label.horizonDays(), label.features(), label.populationRules());
                    out.printf("  %s%n", label.description());
                }
            });
            return 0;
        }
    }
}
