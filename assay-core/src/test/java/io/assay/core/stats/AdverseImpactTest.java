package io.assay.core.stats;

import org.junit.jupiter.api.Test;

import static io.assay.core.stats.BinaryMetricsTest.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdverseImpactTest {
    @Test
    void each_group_is_compared_with_the_most_favoured_group() {
        String[] groups = {"f", "m", "m", "f", "x", "m", "f", "m", "f", "m", "f", "m"};
        boolean[] selected = labels(1, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0);

        AdverseImpact impact = AdverseImpact.of(groups, selected);

        assertThat(impact.groups()).containsExactly(
                new GroupSelection("f", 5, 2, 0.4, 0.4 / (4.0 / 6)),
                new GroupSelection("m", 6, 4, 4.0 / 6, 1.0),
                new GroupSelection("x", 1, 0, 0.0, 0.0));
        assertThat(impact.mostFavoured()).isEqualTo("m");
        assertThat(impact.leastFavoured()).as("reported however small, for the caller to judge").isEqualTo("x");
        assertThat(impact.minimumRatio()).isEqualTo(0.0);
    }

    @Test
    void the_four_fifths_bound_is_the_callers_to_apply() {
        String[] groups = {"a", "a", "a", "a", "a", "b", "b", "b", "b", "b"};
        boolean[] selected = labels(1, 1, 1, 1, 1, 1, 1, 1, 1, 0);

        AdverseImpact impact = AdverseImpact.of(groups, selected);

        assertThat(impact.minimumRatio()).as("a rate of 0.8 against 1.0").isEqualTo(0.8);
        assertThat(impact.minimumRatio()).isGreaterThanOrEqualTo(AdverseImpact.FOUR_FIFTHS);
    }

    @Test
    void equal_rates_favour_the_first_group_by_name() {
        AdverseImpact impact = AdverseImpact.of(new String[] {"b", "a"}, labels(1, 1));

        assertThat(impact.mostFavoured()).isEqualTo("a");
        assertThat(impact.leastFavoured()).isEqualTo("a");
        assertThat(impact.minimumRatio()).isEqualTo(1.0);
    }

    @Test
    void bad_input_is_refused() {
        assertThatThrownBy(() -> AdverseImpact.of(new String[] {"a", "b"}, labels(0, 0)))
                .hasMessage("no row is selected (2 rows), so selection rates cannot be compared:"
                        + " the adverse-impact ratio is undefined");
        assertThatThrownBy(() -> AdverseImpact.of(new String[] {"a"}, labels(0, 1)))
                .hasMessage("groups has 1 values but selected has 2; they must be the same length, one value per row");
        assertThatThrownBy(() -> AdverseImpact.of(new String[0], new boolean[0]))
                .hasMessage("groups and selected are empty; a statistic needs at least one row");
        assertThatThrownBy(() -> AdverseImpact.of(new String[] {"a", null}, labels(1, 1)))
                .hasMessage("group at index 1 is null; give missing values a group of their own, e.g. \"unknown\"");
    }
}
