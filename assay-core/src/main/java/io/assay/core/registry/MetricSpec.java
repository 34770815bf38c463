package io.assay.core.registry;

import io.assay.core.error.AssayException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The metrics that judge a version, defined by its data scientist and frozen at submission: the
 * thresholds the metrics gate judges, and the bounds of the platform's other gates.
 */
public record MetricSpec(List<MetricThreshold> thresholds, GateBounds bounds) {
    /** The gate whose verdict this spec computes from the figures it is given. */
    public static final String GATE = "metrics";

    public MetricSpec {
        thresholds = List.copyOf(requireNonNull(thresholds, "thresholds is null"));
        requireNonNull(bounds, "bounds is null");
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

    /** Thresholds only: the platform's other gates run with their defaults. */
    public MetricSpec(List<MetricThreshold> thresholds) {
        this(thresholds, GateBounds.NONE);
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
        for (GateBounds.SegmentFloor floor : bounds.segmentFloors()) {
            passed &= judgeFloor(floor, figures, reasons);
        }
        return new MetricVerdict(passed, reasons);
    }

    /** The figure name of a metric on one segment, e.g. {@code segment.age_band.18-25.auc}. */
    public static String segmentFigure(String attribute, String value, String metric) {
        String name = "segment." + attribute + "." + value.toLowerCase(java.util.Locale.ROOT).replace("+", "_plus")
                .replaceAll("[^a-z0-9_.-]", "_") + "." + metric;
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    private static boolean judgeFloor(GateBounds.SegmentFloor floor, java.util.Map<String, Double> figures, java.util.List<String> reasons) {
        String prefix = "segment." + floor.attribute() + ".";
        boolean measured = false;
        boolean passed = true;
        for (java.util.Map.Entry<String, Double> figure : new java.util.TreeMap<>(figures).entrySet()) {
            String name = figure.getKey();
            if (!name.startsWith(prefix) || !name.endsWith("." + floor.metric())) {
                continue;
            }
            String segment = name.substring(prefix.length(), name.length() - floor.metric().length() - 1);
            Double rows = figures.get(prefix + segment + ".rows");
            if (rows == null || rows < floor.minRows()) {
                reasons.add(floor.attribute() + "=" + segment + " has " + (rows == null ? "no" : rows.longValue())
                        + " rows, under the " + floor.minRows() + " a floor is judged on");
                continue;
            }
            measured = true;
            if (figure.getValue() < floor.atLeast()) {
                passed = false;
                reasons.add(floor.metric() + " of " + floor.attribute() + "=" + segment + " " + figure.getValue() + " missed the floor "
                        + floor.atLeast());
            }
        }
        if (!measured) {
            reasons.add(floor.metric() + " per " + floor.attribute() + " not measured (needs at least " + floor.atLeast() + ")");
            return false;
        }
        if (passed) {
            reasons.add(floor.metric() + " of every " + floor.attribute() + " met the floor " + floor.atLeast());
        }
        return passed;
    }
}
