package io.assay.banksim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Balances are the sum of bookings: what reconciliation at a real bank checks every night. */
class BalanceConsistencyTest {

    @Test
    void every_balance_is_the_previous_balance_plus_the_days_bookings() {
        Runs.Run run = Runs.of(Runs.STANDARD);
        Extract extract = run.extract();
        int days = extract.dayFolders().size();
        Map<String, Long[]> balances = new HashMap<>();
        Map<String, long[]> bookings = new HashMap<>();
        Map<String, Boolean[]> closed = new HashMap<>();
        extract.forEach("accounts", row -> {
            balances.computeIfAbsent(row.get("account_id"), key -> new Long[days])[row.dayIndex()] = row.cents("balance");
            closed.computeIfAbsent(row.get("account_id"), key -> new Boolean[days])[row.dayIndex()] =
                    row.get("status").equals("CLOSED");
        });
        extract.forEach("transactions", row ->
                bookings.computeIfAbsent(row.get("account_id"), key -> new long[days])[row.dayIndex()] += row.cents("amount"));

        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Long[]> account : balances.entrySet()) {
            Long[] balance = account.getValue();
            long[] booked = bookings.getOrDefault(account.getKey(), new long[days]);
            for (int day = 1; day < days; day++) {
                if (balance[day] == null) {
                    continue;
                }
                long previous = balance[day - 1] == null ? 0 : balance[day - 1];
                checked++;
                if (balance[day] != previous + booked[day]) {
                    mismatches.add(account.getKey() + " day " + day + ": " + previous + " + " + booked[day] + " != " + balance[day]);
                }
            }
        }
        assertThat(checked).isGreaterThan(100_000);
        assertThat(mismatches).isEmpty();
        assertThat(bookings.keySet()).as("no booking on an unlisted account").isSubsetOf(balances.keySet());

        List<String> badClosures = new ArrayList<>();
        closed.forEach((account, statuses) -> {
            for (int day = 0; day < days; day++) {
                if (Boolean.TRUE.equals(statuses[day])) {
                    if (balances.get(account)[day] != 0) {
                        badClosures.add(account + " closed on day " + day + " with balance " + balances.get(account)[day]);
                    }
                    for (int later = day + 1; later < days; later++) {
                        if (statuses[later] != null) {
                            badClosures.add(account + " closed on day " + day + " but listed again on day " + later);
                        }
                    }
                }
            }
        });
        assertThat(badClosures).isEmpty();
    }
}
