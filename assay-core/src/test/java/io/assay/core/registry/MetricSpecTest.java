package io.assay.core.registry;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricSpecTest {
    private static final MetricSpec SPEC = new MetricSpec(List.of(
            new MetricThreshold("auc", MetricThreshold.Comparison.AT_LEAST, 0.72),
            new MetricThreshold("brier", MetricThreshold.Comparison.AT_MOST, 0.20)));

    /** The verdict passes exactly when every threshold's figure meets it, whatever the figures. */
    @Property(tries = 500)
    void a_verdict_passes_exactly_when_every_threshold_is_met(@ForAll @DoubleRange(min = 0, max = 1) double auc,
                                                               @ForAll @DoubleRange(min = 0, max = 1) double brier) {
        MetricVerdict verdict = SPEC.judge(Map.of("auc", auc, "brier", brier));

        assertThat(verdict.passed()).isEqualTo(auc >= 0.72 && brier <= 0.20);
        assertThat(verdict.reasons()).hasSize(2);
    }

    @Test
    void a_metric_not_measured_or_not_finite_is_not_met_and_says_so() {
        assertThat(SPEC.judge(Map.of("auc", 0.9)).summary()).isEqualTo("failed: auc 0.9 met at least 0.72; brier not measured (needs at most 0.2)");
        assertThat(SPEC.judge(Map.of("auc", Double.NaN, "brier", 0.1)).passed()).isFalse();
        assertThat(SPEC.judge(Map.of("auc", 0.72, "brier", 0.2)).passed()).as("a bar met exactly is met").isTrue();
    }
}
