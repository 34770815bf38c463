package io.assay.core.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.assay.core.stats.BinaryMetricsTest.THIRTY;
import static io.assay.core.stats.BinaryMetricsTest.THIRTY_LABELS;
import static io.assay.core.stats.BinaryMetricsTest.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {
    @Test
    void distinct_probabilities_fall_in_groups_of_equal_size() {
        double[] probabilities = {0.95, 0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85,
                0.12, 0.22, 0.32, 0.42, 0.52, 0.62, 0.72, 0.82, 0.92, 0.02};
        boolean[] labels = labels(1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0);

        List<CalibrationBin> table = Calibration.byDecile(probabilities, labels);

        assertThat(table).hasSize(10).allSatisfy(bin -> assertThat(bin.rows()).isEqualTo(2));
        assertThat(table.get(0)).isEqualTo(new CalibrationBin(2, 0, 0.035, 0.0, 0.02, 0.05));
        assertThat(table.get(9).meanPredicted()).isCloseTo(0.935, within(1e-12));
        assertThat(table.get(9).positives()).isEqualTo(2);
    }

    /**
     * Pinned with numpy by the same rule, written independently: stable argsort, nominal group
     * {@code arange(n) * 10 // n}, each tie given the group of its first position via
     * {@code np.unique(sorted, return_index=True)}; per group the mean of the probabilities
     * and of the labels.
     */
    @Test
    void ties_across_a_cut_stay_in_one_group_and_empty_groups_are_left_out() {
        List<CalibrationBin> table = Calibration.byDecile(THIRTY, THIRTY_LABELS);

        assertThat(table).extracting(CalibrationBin::rows).containsExactly(3L, 3L, 4L, 6L, 5L, 4L, 3L, 2L);
        assertThat(table).extracting(CalibrationBin::positives).containsExactly(0L, 1L, 1L, 2L, 3L, 3L, 3L, 2L);
        double[] meanPredicted = {0.0, 0.20000000000000004, 0.3, 0.48333333333333334, 0.6, 0.8, 0.9, 1.0};
        double[] observed = {0.0, 0.3333333333333333, 0.25, 0.3333333333333333, 0.6, 0.75, 1.0, 1.0};
        for (int i = 0; i < table.size(); i++) {
            assertThat(table.get(i).meanPredicted()).as("mean predicted of bin %d", i).isCloseTo(meanPredicted[i], within(1e-12));
            assertThat(table.get(i).observedRate()).as("observed rate of bin %d", i).isCloseTo(observed[i], within(1e-12));
        }
        assertThat(table.get(3).lowest()).isEqualTo(0.4);
        assertThat(table.get(3).highest()).isEqualTo(0.5);
    }

    @Test
    void a_constant_prediction_is_one_group() {
        assertThat(Calibration.byDecile(new double[] {0.3, 0.3, 0.3, 0.3}, labels(1, 0, 0, 0)))
                .containsExactly(new CalibrationBin(4, 1, 0.3, 0.25, 0.3, 0.3));
    }

    @Test
    void fewer_rows_than_bins_give_one_group_per_row() {
        assertThat(Calibration.byDecile(new double[] {0.9, 0.1, 0.5}, labels(1, 0, 0)))
                .extracting(CalibrationBin::lowest).containsExactly(0.1, 0.5, 0.9);
    }

    @Test
    void the_table_does_not_depend_on_the_order_of_the_rows() {
        double[] reversed = new double[THIRTY.length];
        boolean[] reversedLabels = new boolean[THIRTY.length];
        for (int i = 0; i < THIRTY.length; i++) {
            reversed[i] = THIRTY[THIRTY.length - 1 - i];
            reversedLabels[i] = THIRTY_LABELS[THIRTY.length - 1 - i];
        }
        assertThat(Calibration.byDecile(reversed, reversedLabels)).isEqualTo(Calibration.byDecile(THIRTY, THIRTY_LABELS));
    }

    @Test
    void probabilities_outside_zero_to_one_and_zero_bins_are_refused() {
        assertThatThrownBy(() -> Calibration.byDecile(new double[] {0.5, 1.5}, labels(0, 1)))
                .hasMessage("probability at index 1 is outside [0, 1]");
        assertThatThrownBy(() -> Calibration.bins(new double[] {0.5}, labels(1), 0))
                .hasMessage("a calibration table needs at least one bin, not 0");
    }
}
