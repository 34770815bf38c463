package io.assay.banksim;

import java.util.ArrayList;
import java.util.List;

/**
 * The bank's customers, in customer-number order, which is also the order of every file's rows.
 * The bank wins new customers every day at about the rate it loses them.
 */
final class Population {
    private static final long ACQUISITION = 0xACC0L;
    /** New customers per day as a share of the starting base: about 3 % a quarter. */
    private static final double DAILY_ACQUISITION = 0.00033;
    /** Customer numbers are 8 digits. */
    private static final int MAX_CUSTOMERS = 99_999_998;

    private final List<Customer> customers;
    private final CustomerFactory factory;
    private final int startingCustomers;
    private final long seed;
    private final Dice dice = new Dice();

    Population(SimulationConfig config) {
        this.seed = config.seed();
        this.factory = new CustomerFactory(config.seed());
        this.startingCustomers = config.customers();
        long expectedJoiners = (long) (config.customers() * DAILY_ACQUISITION * config.days() * 1.2) + 16;
        this.customers = new ArrayList<>((int) Math.min(MAX_CUSTOMERS, config.customers() + expectedJoiners));
        int firstDay = (int) config.startDate().toEpochDay();
        for (int index = 0; index < config.customers(); index++) {
            customers.add(factory.create(index, firstDay, false));
        }
    }

    int size() {
        return customers.size();
    }

    Customer get(int index) {
        return customers.get(index);
    }

    /** Adds the customers who join on this day (none on the first day, which is the initial load); returns how many. */
    int acquire(Today today) {
        if (today.index == 0) {
            return 0;
        }
        Dice d = dice.reseed(seed, ACQUISITION, today.index, 0);
        double expected = startingCustomers * DAILY_ACQUISITION * (today.weekend ? 0.4 : 1.15);
        int joining = expected > 30
                ? (int) Math.max(0, Math.round(expected + Math.sqrt(expected) * d.normal()))
                : d.poisson(expected);
        joining = Math.min(joining, MAX_CUSTOMERS - customers.size());
        for (int i = 0; i < joining; i++) {
            customers.add(factory.create(customers.size(), today.epochDay, true));
        }
        return joining;
    }
}
