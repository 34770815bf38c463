package io.assay.core.stats;

import io.assay.core.error.AssayException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Every figure of a binary classifier's probabilities against the realised labels, as a gate
 * or a monitoring run records them. {@link #figures()} gives them under stable names that
 * metric thresholds refer to.
 *
 * @param rows the rows evaluated
 * @param positives the rows labelled positive
 * @param auc {@link BinaryMetrics#auc}
 * @param gini {@link BinaryMetrics#gini}
 * @param ks {@link BinaryMetrics#ks}
 * @param brier {@link BinaryMetrics#brier}
 * @param logLoss {@link BinaryMetrics#logLoss}
 * @param calibration {@link Calibration#byDecile}
 * @param lift10 {@link TopFraction#lift()} in the top 10 % by probability
 * @param capture10 {@link TopFraction#capture()} in the top 10 % by probability
 */
public record BinaryEvaluation(long rows, long positives, double auc, double gini, double ks, double brier,
                               double logLoss, List<CalibrationBin> calibration, double lift10, double capture10) {
    /** The share of rows that {@link #lift10} and {@link #capture10} target. */
    public static final double TOP_FRACTION = 0.1;
    /** The names {@link #figures()} uses, which a metric spec may set thresholds on. */
    public static final List<String> FIGURES = List.of("rows", "positives", "label_rate", "auc", "gini", "ks", "brier", "log_loss",
            "lift_10", "capture_10");

    public BinaryEvaluation {
        if (rows < 2) {
            throw AssayException.invalid("an evaluation needs at least two rows, not " + rows);
        }
        if (positives < 1 || positives >= rows) {
            throw AssayException.invalid("an evaluation needs both classes: " + positives + " positives in " + rows + " rows");
        }
        requireIn("auc", auc, 0, 1);
        requireIn("gini", gini, -1, 1);
        requireIn("ks", ks, 0, 1);
        requireIn("brier", brier, 0, 1);
        requireIn("log_loss", logLoss, 0, Double.MAX_VALUE);
        requireIn("lift_10", lift10, 0, Double.MAX_VALUE);
        requireIn("capture_10", capture10, 0, 1);
        calibration = List.copyOf(requireNonNull(calibration, "calibration is null"));
        if (calibration.stream().mapToLong(CalibrationBin::rows).sum() != rows) {
            throw AssayException.invalid("the calibration bins do not hold the " + rows + " rows evaluated");
        }
    }

    /**
     * Evaluates {@code probabilities} (in [0, 1]) against {@code labels}. Refuses what the
     * metrics refuse, notably labels of a single class (AUC is undefined for them).
     */
    public static BinaryEvaluation of(double[] probabilities, boolean[] labels) {
        Inputs.requireProbabilities(probabilities, labels);
        // One sort serves every rank figure.
        Ties ties = Ties.ofBothClasses(probabilities, labels, "AUC");
        double auc = BinaryMetrics.auc(ties);
        TopFraction top = TopFraction.of(ties, TOP_FRACTION);
        return new BinaryEvaluation(ties.rows(), ties.positiveTotal, auc, 2 * auc - 1, BinaryMetrics.ks(ties),
                BinaryMetrics.brier(probabilities, labels), BinaryMetrics.logLoss(probabilities, labels),
                Calibration.bins(ties, Calibration.DECILES), top.lift(), top.capture());
    }

    /** The share of rows labelled positive. */
    public double labelRate() {
        return (double) positives / rows;
    }

    /**
     * The figures by stable name, in this order: {@code rows}, {@code positives},
     * {@code label_rate}, {@code auc}, {@code gini}, {@code ks}, {@code brier}, {@code log_loss},
     * {@code lift_10}, {@code capture_10}. Names are part of the contract with stored metric
     * thresholds: never rename one.
     */
    public Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("rows", (double) rows);
        figures.put("positives", (double) positives);
        figures.put("label_rate", labelRate());
        figures.put("auc", auc);
        figures.put("gini", gini);
        figures.put("ks", ks);
        figures.put("brier", brier);
        figures.put("log_loss", logLoss);
        figures.put("lift_10", lift10);
        figures.put("capture_10", capture10);
        return Collections.unmodifiableMap(figures);
    }

    private static void requireIn(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw AssayException.invalid(name + " " + value + " is not in [" + low + ", " + high + "]");
        }
    }
}
