package io.assay.banksim;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bank's base rates, read from the files, are those of a plausible retail bank. */
class BaseRatesTest {
    private final Runs.Run run = Runs.of(Runs.STANDARD);
    private final History history = History.of(run);

    @Test
    void a_few_percent_of_customers_leave_in_a_quarter() {
        double churned = (double) history.churnedOn.size() / run.summary().customersAtStart();
        assertThat(churned).isBetween(0.01, 0.08);
        assertThat((long) history.churnedOn.size()).isEqualTo(run.summary().customersChurned());
        assertThat(history.churnStatus.values().stream().filter("CLOSED"::equals).count())
                .isEqualTo(run.summary().customersClosed());
    }

    @Test
    void between_five_and_fifteen_percent_of_customers_go_below_zero_in_any_forty_day_window() {
        for (int start = 0; start + 40 <= history.days; start += 10) {
            int from = start;
            Set<String> present = history.presentOn(from);
            long below = present.stream().filter(customer -> history.belowZero(customer, from, from + 40)).count();
            assertThat((double) below / present.size()).as("days %d..%d", from, from + 39).isBetween(0.05, 0.15);
        }
    }

    @Test
    void a_small_but_real_share_of_customers_takes_a_mortgage() {
        long openers = history.mortgageOpenedOn.size();
        assertThat(openers).isPositive().isLessThan(run.summary().customersAtStart() * 3 / 100);
        assertThat(openers).isEqualTo(run.summary().mortgagesTaken());
    }

    @Test
    void the_customers_below_zero_that_the_summary_counts_are_the_ones_the_files_show() {
        long below = history.currentBalance.keySet().stream()
                .filter(customer -> history.belowZero(customer, 0, history.days)).count();
        assertThat(below).isEqualTo(run.summary().customersBelowZero());
    }
}
