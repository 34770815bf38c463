package io.assay.core.stats;

import io.assay.core.error.AssayException;

import static java.util.Objects.requireNonNull;

/**
 * One protected group's true-positive rate at a decision cut-off: of its label-positive rows,
 * the share selected.
 *
 * @param group the value of the protected attribute
 * @param rows the rows in the group
 * @param positives the label-positive rows in the group
 * @param truePositives the label-positive rows selected
 * @param truePositiveRate truePositives / positives, NaN when the group has no positive row
 */
public record GroupOpportunity(String group, long rows, long positives, long truePositives, double truePositiveRate) {
    public GroupOpportunity {
        requireNonNull(group, "group is null");
        if (rows < 1 || positives < 0 || positives > rows || truePositives < 0 || truePositives > positives) {
            throw AssayException.invalid("group " + group + " cannot have " + truePositives + " true positives of "
                    + positives + " positives in " + rows + " rows");
        }
        if (positives == 0 ? !Double.isNaN(truePositiveRate) : !(truePositiveRate >= 0 && truePositiveRate <= 1)) {
            throw AssayException.invalid("true-positive rate " + truePositiveRate + " of group " + group
                    + " is not in [0, 1] (or NaN for a group without positives)");
        }
    }

    /** Whether the group has label-positive rows, so that its rate is defined. */
    public boolean hasPositives() {
        return positives > 0;
    }
}
