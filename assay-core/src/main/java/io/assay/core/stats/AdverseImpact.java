package io.assay.core.stats;

import io.assay.core.error.AssayException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Adverse impact at a decision cut-off: each protected group's selection rate over the rate
 * of the most favoured group (the group with the highest rate). The four-fifths rule reads a
 * ratio below {@link #FOUR_FIFTHS} as evidence of adverse impact; the bound, and what to make
 * of small groups, are the caller's to apply — every group is reported with its counts.
 *
 * @param groups one entry per group, ordered by group name
 * @param mostFavoured the group with the highest selection rate (the first by name on a tie)
 * @param leastFavoured the group with the lowest ratio (the first by name on a tie)
 * @param minimumRatio the lowest ratio of any group, the figure a gate compares with its bound
 */
public record AdverseImpact(List<GroupSelection> groups, String mostFavoured, String leastFavoured,
                            double minimumRatio) {
    /** The four-fifths rule's bound, the common default for {@link #minimumRatio}. */
    public static final double FOUR_FIFTHS = 0.8;

    public AdverseImpact {
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
        requireNonNull(mostFavoured, "mostFavoured is null");
        requireNonNull(leastFavoured, "leastFavoured is null");
        if (groups.isEmpty()) {
            throw AssayException.invalid("adverse impact needs at least one group");
        }
        if (!(minimumRatio >= 0 && minimumRatio <= 1)) {
            throw AssayException.invalid("minimum adverse-impact ratio " + minimumRatio + " is not in [0, 1]");
        }
    }

    /**
     * The adverse impact of {@code selected} across {@code groups} (one protected-attribute
     * value per row, none null). Refuses decisions that select no row: every rate is then 0
     * and the ratios are undefined.
     */
    public static AdverseImpact of(String[] groups, boolean[] selected) {
        requireNonNull(selected, "selected is null");
        Inputs.requireGroups(groups, "selected", selected.length);
        Map<String, long[]> counts = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            long[] rowsAndSelected = counts.computeIfAbsent(groups[i], group -> new long[2]);
            rowsAndSelected[0]++;
            rowsAndSelected[1] += selected[i] ? 1 : 0;
        }
        String mostFavoured = null;
        double highestRate = -1;
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            double rate = rate(entry.getValue());
            if (rate > highestRate) {
                highestRate = rate;
                mostFavoured = entry.getKey();
            }
        }
        if (highestRate == 0) {
            throw AssayException.invalid("no row is selected (" + selected.length
                    + " rows), so selection rates cannot be compared: the adverse-impact ratio is undefined");
        }
        List<GroupSelection> selections = new ArrayList<>(counts.size());
        GroupSelection least = null;
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            long[] rowsAndSelected = entry.getValue();
            double rate = rate(rowsAndSelected);
            GroupSelection selection = new GroupSelection(entry.getKey(), rowsAndSelected[0], rowsAndSelected[1],
                    rate, rate / highestRate);
            selections.add(selection);
            if (least == null || selection.ratio() < least.ratio()) {
                least = selection;
            }
        }
        return new AdverseImpact(selections, mostFavoured, least.group(), least.ratio());
    }

    private static double rate(long[] rowsAndSelected) {
        return (double) rowsAndSelected[1] / rowsAndSelected[0];
    }
}
