package io.assay.scoring.reasons;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A row's top reasons: largest contribution first, ties in feature order, in the catalogue's words with the row's values. */
class TopReasonsTest {
    private static final List<String> FEATURES = List.of("days_negative_30d", "balance_now", "age", "salary_gap_days");
    private static final ReasonCatalogue CATALOGUE = new ReasonCatalogue("overdraft-40d", 3, List.of(
            new ReasonCatalogue.Entry("days_negative_30d", "OD01", "balance below zero on {value} of the last 30 days",
                    "balance rarely below zero in the last 30 days"),
            new ReasonCatalogue.Entry("balance_now", "OD02", "a low balance today ({value})", "a healthy balance today ({value})"),
            new ReasonCatalogue.Entry("salary_gap_days", "OD03", "{value} days since the last salary", "salary paid recently")));
    private static final float[] ROW = {12f, -340.5f, 37f, Float.NaN};
    /** days_negative_30d +0.8, balance_now -1.2, age +0.3, salary_gap_days -0.3 (a tie with age), and the bias. */
    private static final double[] CONTRIBUTIONS = {0.8, -1.2, 0.3, -0.3, -2.0};

    @Test
    void the_largest_contributions_come_first_whatever_their_sign() {
        List<Reason> top = TopReasons.of(CONTRIBUTIONS, FEATURES, ROW, CATALOGUE, 2);

        assertThat(top).containsExactly(
                new Reason("balance_now", "OD02", "down", -1.2, "a healthy balance today (-340.5)"),
                new Reason("days_negative_30d", "OD01", "up", 0.8, "balance below zero on 12 of the last 30 days"));
    }

    @Test
    void all_reasons_are_every_feature_that_moved_the_score_with_ties_in_feature_order() {
        List<Reason> all = TopReasons.of(CONTRIBUTIONS, FEATURES, ROW, CATALOGUE, TopReasons.ALL);

        assertThat(all).extracting(Reason::feature).containsExactly("balance_now", "days_negative_30d", "age", "salary_gap_days");
        assertThat(TopReasons.of(CONTRIBUTIONS, FEATURES, ROW, CATALOGUE, Integer.MAX_VALUE)).isEqualTo(all);
        assertThat(TopReasons.of(CONTRIBUTIONS, FEATURES, ROW, CATALOGUE, 10)).isEqualTo(all);
    }

    @Test
    void no_reasons_are_asked_for_with_k_0() {
        assertThat(TopReasons.of(CONTRIBUTIONS, FEATURES, ROW, CATALOGUE, 0)).isEmpty();
    }

    @Test
    void a_feature_that_did_not_move_the_score_gives_no_reason() {
        double[] contributions = {0.0, -0.0, 0.5, 0.0, 1.0};

        assertThat(TopReasons.of(contributions, FEATURES, ROW, CATALOGUE, TopReasons.ALL)).extracting(Reason::feature)
                .containsExactly("age");
    }

    @Test
    void a_feature_the_catalogue_does_not_name_gets_the_generic_code_and_words() {
        List<Reason> all = TopReasons.of(CONTRIBUTIONS, FEATURES, ROW, CATALOGUE, TopReasons.ALL);

        assertThat(all.get(2)).isEqualTo(new Reason("age", "GEN", "up", 0.3, "age raised the score"));
        assertThat(TopReasons.of(new double[] {0, 0, -0.1, 0, 0}, FEATURES, ROW, CATALOGUE, 1))
                .containsExactly(new Reason("age", "GEN", "down", -0.1, "age lowered the score"));
    }

    @Test
    void a_missing_value_reads_missing_in_the_text() {
        List<Reason> top = TopReasons.of(new double[] {0, 0, 0, 0.4, 0}, FEATURES, ROW, CATALOGUE, 1);

        assertThat(top).containsExactly(new Reason("salary_gap_days", "OD03", "up", 0.4, "missing days since the last salary"));
    }

    @Test
    void the_fallback_catalogue_words_every_feature_generically() {
        ReasonCatalogue fallback = ReasonCatalogue.fallback("overdraft-40d", FEATURES);

        assertThat(TopReasons.of(CONTRIBUTIONS, FEATURES, ROW, fallback, 1))
                .containsExactly(new Reason("balance_now", "GEN", "down", -1.2, "balance_now lowered the score"));
    }

    @Test
    void lengths_that_disagree_a_k_below_minus_1_or_a_contribution_that_is_not_a_number_are_refused() {
        assertThatThrownBy(() -> TopReasons.of(new double[4], FEATURES, ROW, CATALOGUE, 1))
                .hasMessage("4 contributions for 4 features: one per feature and the bias are 5");
        assertThatThrownBy(() -> TopReasons.of(CONTRIBUTIONS, FEATURES, new float[3], CATALOGUE, 1))
                .hasMessage("a row of 3 values for 4 features");
        assertThatThrownBy(() -> TopReasons.of(CONTRIBUTIONS, FEATURES, ROW, CATALOGUE, -2))
                .hasMessage("k is -2: ask for 0 or more reasons, or -1 for all");
        assertThatThrownBy(() -> TopReasons.of(new double[] {Double.NaN, 0, 0, 0, 0}, FEATURES, ROW, CATALOGUE, 1))
                .hasMessage("the contribution of days_negative_30d is NaN");
    }

    @Test
    void a_reason_says_up_for_a_positive_contribution_and_down_for_a_negative_one() {
        assertThatThrownBy(() -> new Reason("age", "GEN", "up", -0.1, "age raised the score"))
                .hasMessage("the reason for age says 'up' for a contribution of -0.1, which is 'down'");
        assertThatThrownBy(() -> new Reason("age", "GEN", "up", 0.0, "age raised the score"))
                .hasMessage("the reason for age has contribution 0.0: a reason is a finite contribution other than 0");
    }
}
