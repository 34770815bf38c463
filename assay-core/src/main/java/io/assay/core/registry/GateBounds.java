package io.assay.core.registry;

import io.assay.core.error.AssayException;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The bounds the platform's gates hold a version to, beside its metric thresholds, as its data
 * scientist wrote them in the metric spec and frozen with it at submission. A gate the use case
 * requires but the spec leaves unbounded runs with the defaults named here.
 *
 * @param champion beat the production champion by at least a delta, on the candidate's own out-of-time rows
 * @param segmentFloors a metric no segment (e.g. age band 18-25) may fall below
 * @param fairness the protected attribute and the bounds at the decision cut-off
 * @param maxPsi the largest population stability index, train against out-of-time, of every input and of the score
 * @param maxScoreChange the largest mean change of the probability when one input moves by 1 % of its range (robustness)
 * @param latencyP99Micros the budget of one row's score at the 99th percentile, for the speed gate
 */
public record GateBounds(Optional<ChampionBar> champion, List<SegmentFloor> segmentFloors, Optional<FairnessBound> fairness,
                         Optional<Double> maxPsi, Optional<Double> maxScoreChange, Optional<Double> latencyP99Micros) {
    public static final GateBounds NONE = new GateBounds(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
    /** Above 0.25 a distribution is commonly said to have shifted markedly. */
    public static final double DEFAULT_MAX_PSI = 0.25;
    public static final double DEFAULT_MAX_SCORE_CHANGE = 0.02;

    public GateBounds {
        requireNonNull(champion, "champion is null");
        segmentFloors = List.copyOf(requireNonNull(segmentFloors, "segmentFloors is null"));
        requireNonNull(fairness, "fairness is null");
        requireNonNull(maxPsi, "maxPsi is null");
        requireNonNull(maxScoreChange, "maxScoreChange is null");
        requireNonNull(latencyP99Micros, "latencyP99Micros is null");
        maxPsi.ifPresent(v -> requireIn("stability.max_psi", v, 0, 10));
        maxScoreChange.ifPresent(v -> requireIn("robustness.max_score_change", v, 0, 1));
        latencyP99Micros.ifPresent(v -> requireIn("latency.p99_micros", v, 0, 1e7));
        Set<String> floors = new HashSet<>();
        for (SegmentFloor floor : segmentFloors) {
            if (!floors.add(floor.attribute() + "/" + floor.metric())) {
                throw AssayException.invalid("the metric spec sets a floor of " + floor.metric() + " on " + floor.attribute() + " twice");
            }
        }
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** The candidate's metric must exceed the champion's, re-scored on the same rows, by at least {@code minDelta} (may be negative). */
    public record ChampionBar(String metric, double minDelta) {
        public ChampionBar {
            RegistryNames.requireIdentifier("champion metric", metric);
            requireIn("champion.min_delta", minDelta, -1, 1);
        }
    }

    /** Every value of {@code attribute} with at least {@code minRows} rows must reach {@code atLeast} on {@code metric}. */
    public record SegmentFloor(String attribute, String metric, double atLeast, int minRows) {
        public SegmentFloor {
            RegistryNames.requireIdentifier("segment attribute", attribute);
            RegistryNames.requireIdentifier("segment metric", metric);
            if (!Double.isFinite(atLeast)) {
                throw AssayException.invalid("the floor of " + metric + " on " + attribute + " is not a finite number");
            }
            if (minRows < 1) {
                throw AssayException.invalid("min_rows of the floor on " + attribute + " is " + minRows + "; it must be at least 1");
            }
        }
    }

    /**
     * Fairness on a protected attribute at the decision cut-off (the top {@code selectedShare} of
     * scores are the ones acted on): every group's selection rate at least {@code minAdverseImpact}
     * of the most favoured group's (the four-fifths rule by default), and, when bounded, true-positive
     * rates no further apart than {@code maxEqualOpportunityDifference}. Groups under {@code minRows} are reported, not judged.
     */
    public record FairnessBound(String attribute, double selectedShare, double minAdverseImpact,
                                Optional<Double> maxEqualOpportunityDifference, int minRows) {
        public static final double FOUR_FIFTHS = 0.8;

        public FairnessBound {
            RegistryNames.requireIdentifier("protected attribute", attribute);
            if (!(selectedShare > 0 && selectedShare <= 1)) {
                throw AssayException.invalid("fairness.selected_share is " + selectedShare + "; it must be above 0 and at most 1");
            }
            requireIn("fairness.min_adverse_impact", minAdverseImpact, 0, 1);
            requireNonNull(maxEqualOpportunityDifference, "maxEqualOpportunityDifference is null");
            maxEqualOpportunityDifference.ifPresent(v -> requireIn("fairness.max_equal_opportunity_difference", v, 0, 1));
            if (minRows < 1) {
                throw AssayException.invalid("fairness.min_rows is " + minRows + "; it must be at least 1");
            }
        }

        /** Gender at a 10 % cut-off, the four-fifths rule, groups of 30 rows or more. */
        public static FairnessBound defaults() {
            return new FairnessBound("gender", 0.1, FOUR_FIFTHS, Optional.empty(), 30);
        }
    }

    private static void requireIn(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw AssayException.invalid(name + " is " + value + "; it must lie in [" + low + ", " + high + "]");
        }
    }
}
