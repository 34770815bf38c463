package io.assay.core.stats;

import io.assay.core.error.AssayException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Lift and capture in the top {@code fraction} of rows by score: the ⌈fraction · n⌉ rows
 * with the highest scores, as a campaign would target them.
 *
 * <p><b>Ties at the cut</b> are shared, not broken by row order: when the last places go to
 * some of the rows of a tied score, each of those rows counts as that tie's positive rate. So
 * {@code positivesFound} is the expected number of positives under a random tie-break, may be
 * fractional, and never depends on the order of the rows — a constant score has lift 1, however
 * the rows happen to be sorted.
 *
 * @param fraction the share of rows targeted, in (0, 1]
 * @param rows the rows targeted, ⌈fraction · n⌉ (the fraction read as the decimal it prints as,
 *             so 0.07 of 100 rows is 7, not 8 from
 *             0.07 · 100 = 7.000000000000001 in binary)
 * @param positivesFound the positives among them, ties at the cut shared as above
 * @param capture the share of all positives found there, positivesFound / positives
 * @param lift the positive rate there over the overall positive rate
 */
public record TopFraction(double fraction, long rows, double positivesFound, double capture, double lift) {
    public TopFraction {
        requireFraction(fraction);
        if (rows < 1) {
            throw AssayException.invalid("the top fraction holds at least one row, not " + rows);
        }
        if (!(positivesFound >= 0 && positivesFound <= rows)) {
            throw AssayException.invalid(positivesFound + " positives cannot be found in " + rows + " rows");
        }
        if (!(capture >= 0 && capture <= 1)) {
            throw AssayException.invalid("capture " + capture + " is not in [0, 1]");
        }
        if (!(lift >= 0) || Double.isInfinite(lift)) {
            throw AssayException.invalid("lift " + lift + " is not a finite number at least 0");
        }
    }

    /** Lift and capture of {@code scores} in their top {@code fraction}; refuses labels with no positive. */
    public static TopFraction of(double[] scores, boolean[] labels, double fraction) {
        requireFraction(fraction);
        Inputs.requireScored(scores, labels);
        return of(Ties.of(scores, labels), fraction);
    }

    static TopFraction of(Ties ties, double fraction) {
        requireFraction(fraction);
        if (ties.positiveTotal == 0) {
            throw AssayException.invalid("lift and capture are undefined when no label is positive ("
                    + ties.rows() + " rows): they measure positives found");
        }
        long rows = ties.rows();
        long targeted = BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(rows))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        long places = targeted;
        double found = 0;
        for (int i = ties.size() - 1; i >= 0 && places > 0; i--) {
            long tied = ties.positives[i] + ties.negatives[i];
            if (tied <= places) {
                found += ties.positives[i];
                places -= tied;
            } else {
                found += ties.positives[i] * (double) places / tied;
                places = 0;
            }
        }
        double capture = found / ties.positiveTotal;
        double lift = found * rows / ((double) targeted * ties.positiveTotal);
        return new TopFraction(fraction, targeted, found, capture, lift);
    }

    private static void requireFraction(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw AssayException.invalid("fraction " + fraction + " is not in (0, 1]: it is the share of rows targeted");
        }
    }
}
