package io.assay.core.stats;

import org.junit.jupiter.api.Test;

import static io.assay.core.stats.BinaryMetricsTest.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EqualOpportunityTest {
    @Test
    void the_difference_is_between_the_highest_and_lowest_true_positive_rates() {
        String[] groups = {"a", "a", "a", "a", "b", "b", "b", "c", "c"};
        boolean[] labels = labels(1, 1, 1, 0, 1, 1, 0, 0, 0);
        boolean[] selected = labels(1, 1, 0, 1, 1, 0, 1, 1, 0);

        EqualOpportunity opportunity = EqualOpportunity.of(groups, selected, labels);

        assertThat(opportunity.groups()).hasSize(3);
        assertThat(opportunity.groups().get(0)).isEqualTo(new GroupOpportunity("a", 4, 3, 2, 2.0 / 3));
        assertThat(opportunity.groups().get(1)).isEqualTo(new GroupOpportunity("b", 3, 2, 1, 0.5));
        assertThat(opportunity.highest()).isEqualTo("a");
        assertThat(opportunity.lowest()).isEqualTo("b");
        assertThat(opportunity.difference()).isCloseTo(2.0 / 3 - 0.5, within(1e-12));
    }

    @Test
    void a_group_without_positives_is_reported_with_nan_and_left_out_of_the_difference() {
        String[] groups = {"a", "a", "c", "c"};
        boolean[] labels = labels(1, 1, 0, 0);
        boolean[] selected = labels(1, 0, 1, 1);

        EqualOpportunity opportunity = EqualOpportunity.of(groups, selected, labels);

        GroupOpportunity c = opportunity.groups().get(1);
        assertThat(c.group()).isEqualTo("c");
        assertThat(c.rows()).isEqualTo(2);
        assertThat(c.hasPositives()).isFalse();
        assertThat(c.truePositiveRate()).isNaN();
        assertThat(opportunity.difference()).as("one group with positives leaves nothing to compare").isEqualTo(0.0);
    }

    @Test
    void bad_input_is_refused() {
        assertThatThrownBy(() -> EqualOpportunity.of(new String[] {"a", "b"}, labels(1, 1), labels(0, 0)))
                .hasMessage("no row is label-positive (2 rows), so true-positive rates are undefined in every group");
        assertThatThrownBy(() -> EqualOpportunity.of(new String[] {"a", "b"}, labels(1, 1), labels(0, 0, 1)))
                .hasMessage("labels has 3 values but selected has 2; they must be the same length, one value per row");
    }
}
