package io.assay.cli.trainset;

import io.assay.api.FeatureViews.TrainingSetView;
import io.assay.api.FeaturesApi;
import io.assay.api.Requests;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.cli.features.FeatureText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "trainset", mixinStandardHelpOptions = true,
        description = "Training sets: a use case's features and labels over several as-of dates, split by time, published as an "
                + "immutable, hashed Parquet file.",
        subcommands = {TrainsetCommand.Build.class, TrainsetCommand.Show.class, TrainsetCommand.ListSets.class})
public final class TrainsetCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Join a use case's features and labels over the as-of dates: the latest is the out-of-time test, the one "
                    + "before it validation, the rest train. Labels exist only once their horizon has passed.")
    static final class Build implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--use-case", required = true, description = "The use case (see: assay features labels)")
        String useCase;

        @Option(names = "--as-of", required = true, split = ",", paramLabel = "DATE",
                description = "At least three as-of dates, comma-separated, e.g. 2026-06-01,2026-07-01,2026-08-01")
        List<LocalDate> asOfs;

        @Option(names = "--population", description = "A population rule of the use case (default: default)")
        String population;

        Build(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession(); FeaturesApi features = session.features()) {
                TrainingSetView set = features.buildTrainingSet(new Requests.BuildTrainingSet(useCase, asOfs,
                        Optional.ofNullable(population)));
                context.output().result(set, out -> FeatureText.trainingSet(out, set));
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a training set: sizes, label rate per as-of and "
            + "split, exclusions and lineage.")
    static final class Show implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(paramLabel = "TRAINSET", description = "A training set id (see: assay trainset list)")
        String id;

        Show(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession(); FeaturesApi features = session.features()) {
                TrainingSetView set = features.trainingSet(id);
                context.output().result(set, out -> {
                    FeatureText.trainingSet(out, set);
                    out.printf("  features: %s%n  attributes (not model inputs): %s%n", set.features(), set.attributes());
                    out.printf("  feature builds: %s%n  label inputs SHA-256 %s; built by %s at %s with %s; read %s%n",
                            set.featureBuilds(), set.labelInputsSha256(), set.builtBy(), set.builtAt(), set.engine(), set.readId());
                });
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List published training sets.")
    static final class ListSets implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--use-case", description = "Only this use case's training sets")
        String useCase;

        ListSets(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession(); FeaturesApi features = session.features()) {
                List<TrainingSetView> sets = features.trainingSets(Optional.ofNullable(useCase));
                var json = context.output().object();
                json.set("trainsets", Output.JSON.valueToTree(sets));
                context.output().result(json, out -> {
                    out.printf("%-36s %-22s %10s %8s  %s%n", "TRAINSET", "USE CASE", "ROWS", "LABEL %", "AS OF");
                    sets.forEach(s -> out.printf("%-36s %-22s %,10d %8.2f  %s%n", s.id(), s.useCase(), s.rows(), s.labelRate() * 100,
                            s.asOfs().stream().map(a -> a.asOf().toString()).toList()));
                    out.printf("%d training set(s)%n", sets.size());
                });
                return 0;
            }
        }
    }
}
