package io.assay.core.registry;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a metric spec says of a set of figures: passed when every threshold is met, and for each
 * threshold why (met, missed, or not measured). Computed, never typed in: the platform's gates
 * report figures and this judges them.
 */
public record MetricVerdict(boolean passed, List<String> reasons) {
    public MetricVerdict {
        reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
    }

    public String summary() {
        return (passed ? "passed: " : "failed: ") + String.join("; ", reasons);
    }
}
