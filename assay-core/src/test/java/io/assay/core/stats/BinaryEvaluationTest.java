package io.assay.core.stats;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.assay.core.stats.BinaryMetricsTest.THIRTY;
import static io.assay.core.stats.BinaryMetricsTest.THIRTY_LABELS;
import static io.assay.core.stats.BinaryMetricsTest.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BinaryEvaluationTest {
    /** The same figures as pinned in BinaryMetricsTest and TopFractionTest (scikit-learn, SciPy, numpy). */
    @Test
    void an_evaluation_gathers_every_figure_under_its_stable_name() {
        BinaryEvaluation evaluation = BinaryEvaluation.of(THIRTY, THIRTY_LABELS);

        Map<String, Double> figures = evaluation.figures();

        assertThat(figures).containsOnlyKeys("rows", "positives", "label_rate", "auc", "gini", "ks", "brier",
                "log_loss", "lift_10", "capture_10");
        assertThat(figures.get("rows")).isEqualTo(30.0);
        assertThat(figures.get("positives")).isEqualTo(15.0);
        assertThat(figures.get("label_rate")).isEqualTo(0.5);
        assertThat(figures.get("auc")).isCloseTo(0.8400000000000001, within(1e-12));
        assertThat(figures.get("gini")).isCloseTo(0.6800000000000002, within(1e-12));
        assertThat(figures.get("ks")).isCloseTo(0.5333333333333333, within(1e-12));
        assertThat(figures.get("brier")).isCloseTo(0.16266666666666665, within(1e-12));
        assertThat(figures.get("log_loss")).isCloseTo(0.4755430875388955, within(1e-12));
        assertThat(figures.get("lift_10")).isCloseTo(2.0, within(1e-12));
        assertThat(figures.get("capture_10")).isCloseTo(0.2, within(1e-12));
        assertThat(evaluation.calibration()).isEqualTo(Calibration.byDecile(THIRTY, THIRTY_LABELS));
    }

    @Test
    void figures_are_read_only() {
        Map<String, Double> figures = BinaryEvaluation.of(THIRTY, THIRTY_LABELS).figures();

        assertThatThrownBy(() -> figures.put("auc", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_evaluation_of_a_single_class_is_refused() {
        assertThatThrownBy(() -> BinaryEvaluation.of(new double[] {0.1, 0.7}, labels(1, 1)))
                .hasMessageStartingWith("AUC is undefined when every label is positive (2 rows)");
    }

    @Test
    void an_evaluation_takes_probabilities_only() {
        assertThatThrownBy(() -> BinaryEvaluation.of(new double[] {-0.1, 0.7}, labels(0, 1)))
                .hasMessage("probability at index 0 is outside [0, 1]");
    }
}
