package io.assay.banksim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A clean extract read back into per-customer day series — what a data scientist would build
 * first — for tests of the bank's behaviour. Built once per run and cached.
 */
final class History {
    private static final Map<Runs.Run, History> CACHE = new HashMap<>();

    final int days;
    /** End-of-day current account balance in cents per customer and day; null where not listed. */
    final Map<String, Long[]> currentBalance = new TreeMap<>();
    final Map<String, int[]> logins = new HashMap<>();
    final Map<String, int[]> complaints = new HashMap<>();
    /** Days with a NOTARY or REAL_ESTATE booking. */
    final Map<String, boolean[]> homePurchaseCosts = new HashMap<>();
    /** Cents sent to other banks' IBANs per day. */
    final Map<String, long[]> sentElsewhere = new HashMap<>();
    final Map<String, long[]> income = new HashMap<>();
    final Map<String, long[]> spending = new HashMap<>();
    /** The day a customer's status became CLOSED or DORMANT. */
    final Map<String, Integer> churnedOn = new HashMap<>();
    final Map<String, String> churnStatus = new HashMap<>();
    final Map<String, Integer> mortgageOpenedOn = new HashMap<>();
    final Map<String, String> incomeBand = new HashMap<>();
    final long[] salaryBookingsByDayOfMonth = new long[32];
    final long[] salaryBookingsPerDay;
    /** Incoming transfers of 500 euros or more per day: where moved salaries land. */
    final long[] largeTransfersInPerDay;
    final long[] groceryCentsPerDay;
    final long[] groceryBookingsPerDay;

    private static final Set<String> INCOME = Set.of("SALARY", "PENSION", "BENEFITS");
    private static final Set<String> SPENDING = Set.of("GROCERIES", "CARD_SPEND", "ATM", "GAMBLING", "RENT", "UTILITIES",
            "INSURANCE", "DIRECT_DEBIT", "MORTGAGE_PAYMENT", "LOAN_REPAYMENT");

    private History(Extract extract) {
        this.days = extract.dayFolders().size();
        this.salaryBookingsPerDay = new long[days];
        this.largeTransfersInPerDay = new long[days];
        this.groceryCentsPerDay = new long[days];
        this.groceryBookingsPerDay = new long[days];
        extract.forEach("customers", row -> {
            incomeBand.putIfAbsent(row.get("customer_id"), row.get("income_band"));
            String status = row.get("status");
            if (row.dayIndex() > 0 && !status.equals("ACTIVE")) {
                churnedOn.putIfAbsent(row.get("customer_id"), row.dayIndex());
                churnStatus.putIfAbsent(row.get("customer_id"), status);
            }
        });
        extract.forEach("accounts", row -> {
            if (row.get("product_code").equals("CURRENT")) {
                currentBalance.computeIfAbsent(row.get("customer_id"), key -> new Long[days])[row.dayIndex()] = row.cents("balance");
            }
        });
        extract.forEach("digital_events", row -> {
            String type = row.get("event_type");
            if (type.equals("LOGIN")) {
                perDay(logins, row)[row.dayIndex()]++;
            } else if (type.equals("COMPLAINT")) {
                perDay(complaints, row)[row.dayIndex()]++;
            }
        });
        extract.forEach("products", row -> {
            if (row.get("product_code").equals("MORTGAGE") && row.get("action").equals("OPENED")) {
                mortgageOpenedOn.put(row.get("customer_id"), row.dayIndex());
            }
        });
        extract.forEach("transactions", this::transaction);
    }

    static synchronized History of(Runs.Run run) {
        return CACHE.computeIfAbsent(run, key -> new History(key.extract()));
    }

    private void transaction(Extract.Row row) {
        String customer = row.get("customer_id");
        String category = row.get("category");
        long cents = row.cents("amount");
        int day = row.dayIndex();
        if (category.equals("NOTARY") || category.equals("REAL_ESTATE")) {
            homePurchaseCosts.computeIfAbsent(customer, key -> new boolean[days])[day] = true;
        }
        String party = row.get("counterparty_iban");
        if (category.equals("TRANSFER_OUT") && !party.isEmpty() && !party.substring(4, 8).equals("ASYB")) {
            sentElsewhere.computeIfAbsent(customer, key -> new long[days])[day] -= cents;
        }
        if (INCOME.contains(category)) {
            income.computeIfAbsent(customer, key -> new long[days])[day] += cents;
        }
        if (SPENDING.contains(category) && row.get("account_id").endsWith("0")) {
            spending.computeIfAbsent(customer, key -> new long[days])[day] -= cents;
        }
        if (category.equals("SALARY")) {
            salaryBookingsByDayOfMonth[row.day().getDayOfMonth()]++;
            salaryBookingsPerDay[day]++;
        }
        if (category.equals("TRANSFER_IN") && cents >= 50_000 && !party.isEmpty() && !party.substring(4, 8).equals("ASYB")) {
            largeTransfersInPerDay[day]++;
        }
        if (category.equals("GROCERIES")) {
            groceryCentsPerDay[day] -= cents;
            groceryBookingsPerDay[day]++;
        }
    }

    private int[] perDay(Map<String, int[]> series, Extract.Row row) {
        return series.computeIfAbsent(row.get("customer_id"), key -> new int[days]);
    }

    /** Customers whose current account is listed on the window's first day. */
    Set<String> presentOn(int day) {
        Set<String> present = new TreeSet<>();
        currentBalance.forEach((customer, balances) -> {
            if (balances[day] != null) {
                present.add(customer);
            }
        });
        return present;
    }

    /** Whether the customer's current account ended any day of [from, to) below zero. */
    boolean belowZero(String customer, int from, int to) {
        Long[] balances = currentBalance.get(customer);
        return Arrays.stream(balances, from, to).anyMatch(balance -> balance != null && balance < 0);
    }

    static int sum(int[] series, int from, int to) {
        return series == null ? 0 : Arrays.stream(series, Math.max(0, from), to).sum();
    }

    static long sum(long[] series, int from, int to) {
        return series == null ? 0 : Arrays.stream(series, Math.max(0, from), to).sum();
    }
}
