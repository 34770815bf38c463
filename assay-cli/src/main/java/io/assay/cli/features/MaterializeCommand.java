package io.assay.cli.features;

import io.assay.api.FeatureViews.ServingTableView;
import io.assay.api.FeaturesApi;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "materialize", mixinStandardHelpOptions = true,
        description = "Publish the serving feature table of every use case (one row per customer, as of the day) from the same "
                + "feature builds training uses; online scoring reads it by customer token.")
final class MaterializeCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--as-of", required = true, description = "The day: yyyy-MM-dd, or yesterday")
    LocalDate asOf;

    @Option(names = "--use-case", description = "Only this use case")
    String useCase;

    MaterializeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); FeaturesApi features = session.features()) {
            List<ServingTableView> tables = features.materialize(asOf, Optional.ofNullable(useCase));
            var json = context.output().object();
            json.set("serving_tables", Output.JSON.valueToTree(tables));
            context.output().result(json, out -> tables.forEach(t -> out.printf(
                    "%s: serving table %s, %,d customers, %d columns, as of %s, from %s%n", t.useCase(), t.id(), t.rows(),
                    t.columns().size(), t.asOf(), t.featureBuilds())));
            return 0;
        }
    }
}
