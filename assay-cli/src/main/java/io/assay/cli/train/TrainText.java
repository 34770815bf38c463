package io.assay.cli.train;

import io.assay.api.TrainingViews.MetricsView;
import io.assay.api.TrainingViews.RunView;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** How a run reads on a terminal: one shared rendering for train, runs show and the demo. */
public final class TrainText {
    /** The figures a run shows first, in this order. */
    public static final List<String> HEADLINE = List.of("auc", "gini", "ks", "brier", "log_loss", "lift_10", "capture_10");

    private TrainText() {}

    public static void summary(PrintWriter out, RunView run) {
        if (!"SUCCEEDED".equals(run.status())) {
            out.printf("%s %s: %s on %s FAILED: %s%n", run.id(), run.useCase(), run.algorithm(), run.trainsetId(), run.failure());
            return;
        }
        out.printf("%s %s: %s on %s, %d round(s) kept of %d, model sha256 %s%n", run.id(), run.useCase(), run.algorithm(),
                run.trainsetId(), run.bestRound(), run.roundsTrained(), run.modelSha256().substring(0, 12));
        out.printf("  %-11s %8s %8s%n", "", "valid.", "test");
        for (String figure : HEADLINE) {
            out.printf("  %-11s %8.4f %8.4f%n", figure, figure(run, "validation", figure), figure(run, "test", figure));
        }
    }

    public static void details(PrintWriter out, RunView run) {
        summary(out, run);
        if (!"SUCCEEDED".equals(run.status())) {
            return;
        }
        out.printf("  parameters: %s%n", run.parameters());
        out.println("  out-of-time test by segment (rows, label rate, AUC, KS):");
        run.segments().getOrDefault("test", Map.of()).forEach((attribute, values) -> values.forEach((value, metrics) ->
                out.printf("    %-10s %-10s %6.0f %6.3f %8s %8s%s%n", attribute, value, metrics.figures().get("rows"),
                        metrics.figures().get("label_rate"), format(metrics, "auc"), format(metrics, "ks"),
                        metrics.note() == null ? "" : "  (" + metrics.note() + ")")));
        out.println("  calibration of the out-of-time test by decile (rows, predicted, observed):");
        run.metrics().get("test").calibration().forEach(d -> out.printf("    %6d %8.4f %8.4f%n", d.rows(), d.meanPredicted(),
                d.observedRate()));
        out.println("  importance (top 10):");
        run.importance().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).limit(10)
                .forEach(e -> out.printf("    %-28s %12.3f%n", e.getKey(), e.getValue()));
        out.printf("  provenance: training set %s (sha256 %s), %d snapshots, seed %d, nthread %d, %s%n", run.provenance().trainsetId(),
                run.provenance().trainsetSha256().substring(0, 12), run.provenance().snapshots().size(), run.provenance().seed(),
                run.provenance().nthread(), run.provenance().libraries());
        out.printf("  trained by %s from %s to %s; read %s%n", run.trainedBy(), run.startedAt(), run.finishedAt(), run.readId());
    }

    public static double figure(RunView run, String split, String figure) {
        MetricsView metrics = run.metrics() == null ? null : run.metrics().get(split);
        Double value = metrics == null ? null : metrics.figures().get(figure);
        return value == null ? Double.NaN : value;
    }

    private static String format(MetricsView metrics, String figure) {
        Double value = metrics.figures().get(figure);
        return value == null ? "-" : String.format("%.3f", value);
    }
}
