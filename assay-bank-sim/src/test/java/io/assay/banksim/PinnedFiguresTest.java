package io.assay.banksim;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures of one fixed run (2,000 customers, 90 days, seed 7, the default shift on day 60, no
 * bad rows), pinned. A change in any of them means the simulator's behaviour changed: downstream
 * tests, demos and benchmarks that pin figures of their own (row counts, quarantine counts,
 * model metrics) must be checked, and these figures updated, in the same change.
 */
class PinnedFiguresTest {
    private final Runs.Run run = Runs.of(Runs.STANDARD);

    @Test
    void the_standard_run_writes_these_rows() {
        assertThat(run.summary().rowsPerTable()).containsExactly(
                Map.entry("customers", 2_687L),
                Map.entry("accounts", 390_863L),
                Map.entry("transactions", 345_384L),
                Map.entry("products", 4_490L),
                Map.entry("digital_events", 293_836L));
    }

    @Test
    void the_standard_run_has_these_outcomes() {
        SimulationSummary summary = run.summary();
        assertThat(summary.customersAtStart()).isEqualTo(2000);
        assertThat(summary.customersJoined()).isEqualTo(63);
        assertThat(summary.customersChurned()).isEqualTo(57);
        assertThat(summary.customersClosed()).isEqualTo(38);
        assertThat(summary.mortgagesTaken()).isEqualTo(9);
        assertThat(summary.customersBelowZero()).isEqualTo(278);
    }

    @Test
    void the_standard_run_has_this_overdraft_share_in_days_20_to_59() {
        History history = History.of(run);
        Set<String> present = history.presentOn(20);
        long below = present.stream().filter(customer -> history.belowZero(customer, 20, 60)).count();
        assertThat(present).hasSize(2005);
        assertThat(below).isEqualTo(164);
    }
}
