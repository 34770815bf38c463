package io.assay.core.registry;

import io.assay.core.error.AssayException;

import static java.util.Objects.requireNonNull;

/** One bar a data scientist set for their model, e.g. AUC at least 0.72 on the out-of-time sample. */
public record MetricThreshold(String metric, Comparison comparison, double threshold) {
    public enum Comparison {
        AT_LEAST,
        AT_MOST
    }

    public MetricThreshold {
        RegistryNames.requireIdentifier("metric name", metric);
        requireNonNull(comparison, "comparison is null");
        if (!Double.isFinite(threshold)) {
            throw AssayException.invalid("threshold of " + metric + " is not a finite number");
        }
    }

    public boolean isMetBy(double value) {
        return switch (comparison) {
            case AT_LEAST -> value >= threshold;
            case AT_MOST -> value <= threshold;
        };
    }
}
