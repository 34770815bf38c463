package io.assay.core.registry;

import io.assay.core.error.AssayException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** The metrics that judge a version, defined by its data scientist and frozen at submission. */
public record MetricSpec(List<MetricThreshold> thresholds) {
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
}
