package io.assay.core.stats;

import io.assay.core.error.AssayException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Equal opportunity at a decision cut-off: whether label-positive rows are selected at the
 * same rate in every protected group. A group without any label-positive row has no
 * true-positive rate (NaN); it is still listed, with its counts, but left out of
 * {@link #difference}, since there is nothing to compare.
 *
 * @param groups one entry per group, ordered by group name
 * @param difference the highest true-positive rate minus the lowest, over groups with positives;
 *                   0 when only one group has positives
 * @param highest the group with the highest rate (the first by name on a tie)
 * @param lowest the group with the lowest rate (the first by name on a tie)
 */
public record EqualOpportunity(List<GroupOpportunity> groups, double difference, String highest, String lowest) {
    public EqualOpportunity {
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
        requireNonNull(highest, "highest is null");
        requireNonNull(lowest, "lowest is null");
        if (!(difference >= 0 && difference <= 1)) {
            throw AssayException.invalid("equal-opportunity difference " + difference + " is not in [0, 1]");
        }
    }

    /**
     * The true-positive rate of {@code selected} per group among rows whose {@code labels} are
     * positive. Refuses data in which no row is label-positive.
     */
    public static EqualOpportunity of(String[] groups, boolean[] selected, boolean[] labels) {
        requireNonNull(selected, "selected is null");
        requireNonNull(labels, "labels is null");
        Inputs.requireGroups(groups, "selected", selected.length);
        Inputs.requireSameLength("labels", labels.length, "selected", selected.length);
        Map<String, long[]> counts = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            long[] rowsPositivesHits = counts.computeIfAbsent(groups[i], group -> new long[3]);
            rowsPositivesHits[0]++;
            if (labels[i]) {
                rowsPositivesHits[1]++;
                rowsPositivesHits[2] += selected[i] ? 1 : 0;
            }
        }
        List<GroupOpportunity> opportunities = new ArrayList<>(counts.size());
        GroupOpportunity highest = null;
        GroupOpportunity lowest = null;
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            long[] c = entry.getValue();
            GroupOpportunity opportunity = new GroupOpportunity(entry.getKey(), c[0], c[1], c[2],
                    c[1] == 0 ? Double.NaN : (double) c[2] / c[1]);
            opportunities.add(opportunity);
            if (!opportunity.hasPositives()) {
                continue;
            }
            if (highest == null || opportunity.truePositiveRate() > highest.truePositiveRate()) {
                highest = opportunity;
            }
            if (lowest == null || opportunity.truePositiveRate() < lowest.truePositiveRate()) {
                lowest = opportunity;
            }
        }
        if (highest == null) {
            throw AssayException.invalid("no row is label-positive (" + labels.length
                    + " rows), so true-positive rates are undefined in every group");
        }
        return new EqualOpportunity(opportunities, highest.truePositiveRate() - lowest.truePositiveRate(),
                highest.group(), lowest.group());
    }
}
