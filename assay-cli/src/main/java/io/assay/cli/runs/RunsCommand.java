package io.assay.cli.runs;

import io.assay.api.TrainingApi;
import io.assay.api.TrainingViews.MetricsView;
import io.assay.api.TrainingViews.RunView;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.cli.train.TrainText;
import io.assay.train.model.TrainingProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "runs", mixinStandardHelpOptions = true, description = "Training runs: each written once, never changed.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Compare.class})
public final class RunsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List runs, oldest first: status, algorithm, out-of-time AUC and KS.")
    static final class ListRuns implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--use-case", description = "Only this use case's runs")
        String useCase;

        ListRuns(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession(); TrainingApi training = session.training(TrainingProgress.SILENT)) {
                List<RunView> runs = training.runs(Optional.ofNullable(useCase));
                var json = context.output().object();
                json.set("runs", Output.JSON.valueToTree(runs));
                context.output().result(json, out -> {
                    out.printf("%-30s %-10s %-9s %-30s %8s %8s%n", "RUN", "STATUS", "ALGO", "TRAINSET", "TEST AUC", "TEST KS");
                    runs.forEach(r -> out.printf("%-30s %-10s %-9s %-30s %8.4f %8.4f%n", r.id(), r.status(), r.algorithm(), r.trainsetId(),
                            TrainText.figure(r, "test", "auc"), TrainText.figure(r, "test", "ks")));
                    out.printf("%d run(s)%n", runs.size());
                });
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a run: figures per split and segment, calibration, "
            + "importance, provenance.")
    static final class Show implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(paramLabel = "RUN", description = "A run id (see: assay runs list)")
        String id;

        Show(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession(); TrainingApi training = session.training(TrainingProgress.SILENT)) {
                RunView run = training.run(id);
                context.output().result(run, out -> TrainText.details(out, run));
                return 0;
            }
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Two runs side by side: every figure on validation and "
            + "the out-of-time test, and per segment, with the delta (second minus first).")
    static final class Compare implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(index = "0", paramLabel = "RUN", description = "The first run")
        String first;

        @Parameters(index = "1", paramLabel = "RUN", description = "The second run")
        String second;

        Compare(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession(); TrainingApi training = session.training(TrainingProgress.SILENT)) {
                RunView a = training.run(first);
                RunView b = training.run(second);
                var json = context.output().object();
                json.set("first", Output.JSON.valueToTree(a));
                json.set("second", Output.JSON.valueToTree(b));
                context.output().result(json, out -> {
                    out.printf("%-44s %10s %10s %10s%n", "figure", a.id(), b.id(), "delta");
                    for (String split : List.of("validation", "test")) {
                        rows(out, split, metricsOf(a, split), metricsOf(b, split));
                    }
                    Map<String, Map<String, MetricsView>> segmentsA = a.segments() == null ? Map.of() : a.segments().getOrDefault("test", Map.of());
                    Map<String, Map<String, MetricsView>> segmentsB = b.segments() == null ? Map.of() : b.segments().getOrDefault("test", Map.of());
                    for (String attribute : new TreeSet<>(segmentsA.keySet())) {
                        for (String value : new TreeSet<>(segmentsA.get(attribute).keySet())) {
                            MetricsView other = segmentsB.getOrDefault(attribute, Map.of()).get(value);
                            for (String figure : List.of("auc", "ks")) {
                                print(out, "test " + attribute + "=" + value + " " + figure, segmentsA.get(attribute).get(value).figures().get(figure),
                                        other == null ? null : other.figures().get(figure));
                            }
                        }
                    }
                });
                return 0;
            }
        }

        private static MetricsView metricsOf(RunView run, String split) {
            return run.metrics() == null ? null : run.metrics().get(split);
        }

        private static void rows(java.io.PrintWriter out, String split, MetricsView a, MetricsView b) {
            for (String figure : TrainText.HEADLINE) {
                print(out, split + " " + figure, a == null ? null : a.figures().get(figure), b == null ? null : b.figures().get(figure));
            }
        }

        private static void print(java.io.PrintWriter out, String label, Double a, Double b) {
            out.printf("%-44s %10s %10s %10s%n", label, a == null ? "-" : String.format("%.4f", a), b == null ? "-" : String.format("%.4f", b),
                    a == null || b == null ? "-" : String.format("%+.4f", b - a));
        }
    }
}
