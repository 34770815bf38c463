package io.assay.core.stats;

import org.junit.jupiter.api.Test;

import static io.assay.core.stats.BinaryMetricsTest.THIRTY;
import static io.assay.core.stats.BinaryMetricsTest.THIRTY_LABELS;
import static io.assay.core.stats.BinaryMetricsTest.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** THIRTY has 15 positives; its top scores are 1.0 (2 rows, both positive), 0.9 (3, all positive), 0.8 (4, 3 positive). */
class TopFractionTest {
    @Test
    void the_top_ten_percent_of_thirty_rows_is_three_rows() {
        TopFraction top = TopFraction.of(THIRTY, THIRTY_LABELS, 0.1);

        assertThat(top.rows()).isEqualTo(3);
        assertThat(top.positivesFound()).isEqualTo(3.0);
        assertThat(top.capture()).isCloseTo(0.2, within(1e-12));
        assertThat(top.lift()).isCloseTo(2.0, within(1e-12));
    }

    /** Pinned with numpy: the last place goes to one of the four rows scoring 0.8, three of them positive. */
    @Test
    void a_tie_at_the_cut_counts_with_its_positive_rate() {
        TopFraction top = TopFraction.of(THIRTY, THIRTY_LABELS, 0.2);

        assertThat(top.rows()).isEqualTo(6);
        assertThat(top.positivesFound()).isCloseTo(5.75, within(1e-12));
        assertThat(top.capture()).isCloseTo(0.38333333333333336, within(1e-12));
        assertThat(top.lift()).isCloseTo(1.9166666666666667, within(1e-12));
    }

    @Test
    void the_fraction_counts_as_the_decimal_it_prints_as() {
        double[] scores = new double[100];
        boolean[] labels = new boolean[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = i;
            labels[i] = i % 2 == 0;
        }
        assertThat(0.07 * 100).as("binary rounding").isGreaterThan(7);

        assertThat(TopFraction.of(scores, labels, 0.07).rows()).isEqualTo(7);
    }

    @Test
    void a_constant_score_has_lift_one_however_the_rows_are_ordered() {
        double[] constant = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        boolean[] positivesFirst = labels(1, 1, 0, 0, 0, 0, 0, 0, 0, 0);

        TopFraction top = TopFraction.of(constant, positivesFirst, 0.1);

        assertThat(top.lift()).isCloseTo(1.0, within(1e-12));
        assertThat(top.capture()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void the_top_of_one_row_is_the_highest_score_even_for_a_tiny_fraction() {
        TopFraction top = TopFraction.of(new double[] {0.2, 0.9, 0.4}, labels(0, 1, 0), 0.01);

        assertThat(top.rows()).isEqualTo(1);
        assertThat(top.capture()).isEqualTo(1.0);
        assertThat(top.lift()).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void no_positive_label_or_a_fraction_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> TopFraction.of(new double[] {0.2, 0.9}, labels(0, 0), 0.1))
                .hasMessage("lift and capture are undefined when no label is positive (2 rows): they measure positives found");
        assertThatThrownBy(() -> TopFraction.of(new double[] {0.2, 0.9}, labels(0, 1), 0))
                .hasMessage("fraction 0.0 is not in (0, 1]: it is the share of rows targeted");
        assertThatThrownBy(() -> TopFraction.of(new double[] {0.2, 0.9}, labels(0, 1), Double.NaN))
                .hasMessageStartingWith("fraction NaN is not in (0, 1]");
    }
}
