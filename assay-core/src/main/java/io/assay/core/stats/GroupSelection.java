package io.assay.core.stats;

import io.assay.core.error.AssayException;

import static java.util.Objects.requireNonNull;

/**
 * One protected group at a decision cut-off: its rows, how many were selected, and its
 * selection rate against that of the most favoured group.
 *
 * @param group the value of the protected attribute
 * @param rows the rows in the group, reported however few so the caller can judge
 * @param selected the rows selected (decision {@code true})
 * @param rate selected / rows
 * @param ratio the adverse-impact ratio, rate / the highest rate of any group, in [0, 1]
 */
public record GroupSelection(String group, long rows, long selected, double rate, double ratio) {
    public GroupSelection {
        requireNonNull(group, "group is null");
        if (rows < 1 || selected < 0 || selected > rows) {
            throw AssayException.invalid("group " + group + " cannot have " + selected + " of " + rows + " rows selected");
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw AssayException.invalid("selection rate " + rate + " of group " + group + " is not in [0, 1]");
        }
        if (!(ratio >= 0 && ratio <= 1)) {
            throw AssayException.invalid("adverse-impact ratio " + ratio + " of group " + group + " is not in [0, 1]");
        }
    }
}
