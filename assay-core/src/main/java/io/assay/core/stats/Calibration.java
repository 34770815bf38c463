package io.assay.core.stats;

import io.assay.core.error.AssayException;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration tables: rows sorted by predicted probability and cut into groups of (near-)equal
 * size, each group's mean prediction set against its observed positive rate.
 *
 * <p>The cut rule: with n rows sorted ascending, the row at position i (from 0) belongs to
 * group ⌊i · bins / n⌋, so group sizes differ by at most one — except that <b>tied
 * probabilities are never split</b>: every row of a tie belongs to the group of the tie's first
 * (lowest) position. A tie across a cut therefore makes one group larger and the next smaller,
 * or empty; empty groups are left out. The table thus has at most {@code bins} groups (fewer
 * with fewer rows than bins, or with large ties — a constant prediction gives one group) and
 * depends only on the values, never on the order of the rows.
 */
public final class Calibration {
    /** Deciles, the usual table in credit-risk validation. */
    public static final int DECILES = 10;

    private Calibration() {}

    /** The calibration table by decile: {@link #bins} with {@link #DECILES}. */
    public static List<CalibrationBin> byDecile(double[] probabilities, boolean[] labels) {
        return bins(probabilities, labels, DECILES);
    }

    /** The calibration table in at most {@code bins} groups, cut as the class comment says. */
    public static List<CalibrationBin> bins(double[] probabilities, boolean[] labels, int bins) {
        if (bins < 1) {
            throw AssayException.invalid("a calibration table needs at least one bin, not " + bins);
        }
        Inputs.requireProbabilities(probabilities, labels);
        return bins(Ties.of(probabilities, labels), bins);
    }

    static List<CalibrationBin> bins(Ties ties, int bins) {
        long rows = ties.rows();
        List<CalibrationBin> table = new ArrayList<>();
        long position = 0;
        int i = 0;
        while (i < ties.size()) {
            long group = position * bins / rows;
            long groupRows = 0;
            long groupPositives = 0;
            double sum = 0;
            double lowest = ties.values[i];
            // A tie whose first position falls in this group joins it whole.
            while (i < ties.size() && position * bins / rows == group) {
                int tied = ties.positives[i] + ties.negatives[i];
                groupRows += tied;
                groupPositives += ties.positives[i];
                sum += ties.values[i] * tied;
                position += tied;
                i++;
            }
            double highest = ties.values[i - 1];
            // Clamped because rounding can put the mean of equal values a hair outside them.
            double mean = Math.min(Math.max(sum / groupRows, lowest), highest);
            table.add(new CalibrationBin(groupRows, groupPositives, mean, (double) groupPositives / groupRows,
                    lowest, highest));
        }
        return List.copyOf(table);
    }
}
