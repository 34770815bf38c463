package io.assay.core.registry;

import io.assay.core.error.AssayException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** The metrics that judge a version, defined by its data scientist and frozen at submission. */
public record MetricSpec(List<MetricThreshold> thresholds) {
    /** The gate whose verdict this spec computes from the figures it is given. */
    public static final String GATE = "metrics";

    public MetricSpec {
        thresholds = List.copyOf(requireNonNull(thresholds, "thresholds is null"));
        if (thresholds.isEmpty()) {
            throw AssayException.invalid("a metric spec needs at least one metric with a threshold");
        }
        Set<String> metrics = new HashSet<>();
        for (MetricThreshold threshold : thresholds) {
            if (!metrics.add(threshold.metric())) {
                throw AssayException.invalid("the metric spec sets " + threshold.metric() + " twice");
            }
        }
    }

    /**
     * Judges {@code figures} against every threshold: a threshold without its figure is not met
     * (a metric not measured proves nothing), a non-finite figure neither.
     */
    public MetricVerdict judge(java.util.Map<String, Double> figures) {
        requireNonNull(figures, "figures is null");
        boolean passed = true;
        java.util.List<String> reasons = new java.util.ArrayList<>();
        for (MetricThreshold threshold : thresholds) {
            Double value = figures.get(threshold.metric());
            String bar = (threshold.comparison() == MetricThreshold.Comparison.AT_LEAST ? " at least " : " at most ")
                    + threshold.threshold();
            if (value == null || !Double.isFinite(value)) {
                passed = false;
                reasons.add(threshold.metric() + " not measured (needs" + bar + ")");
            } else if (threshold.isMetBy(value)) {
                reasons.add(threshold.metric() + " " + value + " met" + bar);
            } else {
                passed = false;
                reasons.add(threshold.metric() + " " + value + " missed" + bar);
            }
        }
        return new MetricVerdict(passed, reasons);
    }
}
