package io.assay.core.stats;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Pinned values computed with /usr/bin/python3 (Debian bookworm: scikit-learn 1.2.1, SciPy
 * 1.10.1, NumPy 1.24.2): {@code sklearn.metrics.roc_auc_score(y, s)},
 * {@code scipy.stats.ks_2samp(s[y], s[~y]).statistic}, {@code sklearn.metrics.brier_score_loss(y, s)}
 * and {@code sklearn.metrics.log_loss(y, s, eps=1e-15)}.
 */
class BinaryMetricsTest {
    private static final double TOLERANCE = 1e-12;

    /** Scores with a three-way tie at 0.4 across both classes. */
    static final double[] TIED = {0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.05, 0.6, 0.4, 0.7, 0.2, 0.55};
    static final boolean[] TIED_LABELS = labels(0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1);

    /** 30 probabilities rounded to one decimal (so full of ties), drawn with numpy's default_rng(7). */
    static final double[] THIRTY = {0.6, 0.9, 0.8, 0.2, 0.3, 0.9, 0.0, 0.8, 0.8, 0.5, 0.3, 0.3, 0.3, 0.4, 0.5,
            0.6, 1.0, 0.8, 0.6, 1.0, 0.2, 0.2, 0.6, 0.0, 0.0, 0.5, 0.5, 0.9, 0.6, 0.5};
    static final boolean[] THIRTY_LABELS = labels(1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0,
            0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0);

    @Test
    void metrics_of_scores_with_ties_match_scikit_learn_and_scipy() {
        assertThat(BinaryMetrics.auc(TIED, TIED_LABELS)).isCloseTo(0.8333333333333333, within(TOLERANCE));
        assertThat(BinaryMetrics.gini(TIED, TIED_LABELS)).isCloseTo(2 * 0.8333333333333333 - 1, within(TOLERANCE));
        assertThat(BinaryMetrics.ks(TIED, TIED_LABELS)).isCloseTo(0.5, within(TOLERANCE));
        assertThat(BinaryMetrics.brier(TIED, TIED_LABELS)).isCloseTo(0.15479166666666666, within(TOLERANCE));
        assertThat(BinaryMetrics.logLoss(TIED, TIED_LABELS)).isCloseTo(0.4639056840670787, within(TOLERANCE));
    }

    @Test
    void metrics_of_thirty_heavily_tied_probabilities_match_scikit_learn_and_scipy() {
        assertThat(BinaryMetrics.auc(THIRTY, THIRTY_LABELS)).isCloseTo(0.8400000000000001, within(TOLERANCE));
        assertThat(BinaryMetrics.ks(THIRTY, THIRTY_LABELS)).isCloseTo(0.5333333333333333, within(TOLERANCE));
        assertThat(BinaryMetrics.brier(THIRTY, THIRTY_LABELS)).isCloseTo(0.16266666666666665, within(TOLERANCE));
        assertThat(BinaryMetrics.logLoss(THIRTY, THIRTY_LABELS)).isCloseTo(0.4755430875388955, within(TOLERANCE));
    }

    @Test
    void all_tied_scores_have_auc_one_half_and_ks_zero() {
        double[] constant = {0.3, 0.3, 0.3, 0.3, 0.3, 0.3};
        boolean[] labels = labels(1, 0, 0, 1, 0, 1);

        assertThat(BinaryMetrics.auc(constant, labels)).isEqualTo(0.5);
        assertThat(BinaryMetrics.gini(constant, labels)).isEqualTo(0.0);
        assertThat(BinaryMetrics.ks(constant, labels)).isEqualTo(0.0);
        assertThat(BinaryMetrics.brier(constant, labels)).isCloseTo(0.29, within(TOLERANCE));
        assertThat(BinaryMetrics.logLoss(constant, labels)).isCloseTo(0.7803238741323343, within(TOLERANCE));
    }

    @Test
    void log_loss_clips_certain_mistakes_like_scikit_learn_with_eps_1e_15() {
        double[] probabilities = {0, 1, 0.2, 1, 0.7, 0.0};
        boolean[] labels = labels(1, 1, 0, 0, 1, 0);

        assertThat(BinaryMetrics.logLoss(probabilities, labels)).isCloseTo(11.609695147084084, within(TOLERANCE));
        assertThat(BinaryMetrics.brier(probabilities, labels)).isCloseTo(0.355, within(TOLERANCE));
        assertThat(BinaryMetrics.auc(probabilities, labels)).isCloseTo(0.5555555555555556, within(TOLERANCE));
        assertThat(BinaryMetrics.ks(probabilities, labels)).isCloseTo(0.3333333333333333, within(TOLERANCE));
    }

    @Test
    void rank_metrics_take_scores_that_are_not_probabilities() {
        double[] margins = {-3.5, 2.0, 0.0, 7.25, 2.0, -1.0, 2.0, 11.0};
        boolean[] labels = labels(0, 1, 0, 1, 0, 0, 1, 1);

        assertThat(BinaryMetrics.auc(margins, labels)).isCloseTo(0.9375, within(TOLERANCE));
        assertThat(BinaryMetrics.ks(margins, labels)).isCloseTo(0.75, within(TOLERANCE));
        assertThatThrownBy(() -> BinaryMetrics.brier(margins, labels))
                .hasMessage("probability at index 0 is outside [0, 1]");
    }

    @Test
    void negative_zero_and_zero_are_one_tied_score() {
        assertThat(BinaryMetrics.auc(new double[] {-0.0, 0.0}, labels(1, 0))).isEqualTo(0.5);
        assertThat(BinaryMetrics.ks(new double[] {-0.0, 0.0}, labels(1, 0))).isEqualTo(0.0);
    }

    @Test
    void auc_of_a_single_class_is_refused_as_undefined() {
        assertThatThrownBy(() -> BinaryMetrics.auc(new double[] {0.2, 0.4}, labels(0, 0)))
                .isInstanceOf(AssayException.class)
                .hasMessage("AUC is undefined when every label is negative (2 rows): "
                        + "it compares positive with negative rows, so it needs both");
        assertThatThrownBy(() -> BinaryMetrics.ks(new double[] {0.2, 0.4}, labels(1, 1)))
                .hasMessageStartingWith("KS is undefined when every label is positive (2 rows)");
    }

    @Test
    void arrays_of_different_lengths_are_refused() {
        assertThatThrownBy(() -> BinaryMetrics.auc(new double[] {0.1, 0.2, 0.3}, labels(0, 1)))
                .isInstanceOf(AssayException.class)
                .satisfies(e -> assertThat(((AssayException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("scores has 3 values but labels has 2; they must be the same length, one value per row");
    }

    @Test
    void empty_arrays_are_refused() {
        assertThatThrownBy(() -> BinaryMetrics.brier(new double[0], new boolean[0]))
                .hasMessage("scores and labels are empty; a statistic needs at least one row");
    }

    @Test
    void a_nan_or_infinite_score_is_refused_with_its_index() {
        assertThatThrownBy(() -> BinaryMetrics.auc(new double[] {0.1, Double.NaN}, labels(0, 1)))
                .hasMessage("score at index 1 is NaN; scores must be finite numbers");
        assertThatThrownBy(() -> BinaryMetrics.logLoss(new double[] {Double.POSITIVE_INFINITY, 0.5}, labels(0, 1)))
                .hasMessage("score at index 0 is infinite; scores must be finite numbers");
    }

    static boolean[] labels(int... bits) {
        boolean[] labels = new boolean[bits.length];
        for (int i = 0; i < bits.length; i++) {
            labels[i] = bits[i] == 1;
        }
        return labels;
    }
}
