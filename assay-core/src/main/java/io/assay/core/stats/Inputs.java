package io.assay.core.stats;

import io.assay.core.error.AssayException;

import static java.util.Objects.requireNonNull;

/** The checks every statistic makes on its arrays, so each refusal reads the same. */
final class Inputs {
    private Inputs() {}

    /** Scores and labels of the same, non-zero length, every score finite. */
    static void requireScored(double[] scores, boolean[] labels) {
        requireNonNull(scores, "scores is null");
        requireNonNull(labels, "labels is null");
        requireSameLength("scores", scores.length, "labels", labels.length);
        requireFinite("score", scores);
    }

    /** As {@link #requireScored} and every score a probability in [0, 1]. */
    static void requireProbabilities(double[] probabilities, boolean[] labels) {
        requireScored(probabilities, labels);
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] < 0 || probabilities[i] > 1) {
                throw AssayException.invalid("probability at index " + i + " is outside [0, 1]");
            }
        }
    }

    static void requireSameLength(String what, int length, String other, int otherLength) {
        if (length != otherLength) {
            throw AssayException.invalid(what + " has " + length + " values but " + other + " has " + otherLength
                    + "; they must be the same length, one value per row");
        }
        if (length == 0) {
            throw AssayException.invalid(what + " and " + other + " are empty; a statistic needs at least one row");
        }
    }

    static void requireFinite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw AssayException.invalid(what + " at index " + i + " is NaN; " + what + "s must be finite numbers");
            }
            if (Double.isInfinite(values[i])) {
                throw AssayException.invalid(what + " at index " + i + " is infinite; " + what + "s must be finite numbers");
            }
        }
    }

    /** Group names of the same length as {@code other}, none null. */
    static void requireGroups(String[] groups, String other, int otherLength) {
        requireNonNull(groups, "groups is null");
        requireSameLength("groups", groups.length, other, otherLength);
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == null) {
                throw AssayException.invalid("group at index " + i
                        + " is null; give missing values a group of their own, e.g. \"unknown\"");
            }
        }
    }

    static long count(boolean[] flags) {
        long count = 0;
        for (boolean flag : flags) {
            if (flag) {
                count++;
            }
        }
        return count;
    }
}
