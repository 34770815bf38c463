package io.assay.banksim;

/**
 * A customer's standing monthly debits — utilities, insurance, subscriptions — derived from the
 * customer's number alone, so they need no storage beyond a bit mask of their days.
 */
final class MonthlyDebits {
    private static final int UTILITIES = 0;
    private static final int HEALTH_INSURANCE = 1;
    private static final int OTHER_INSURANCE = 2;
    private static final int FIRST_SUBSCRIPTION = 3;
    private static final int MAX_ITEMS = 8;

    private MonthlyDebits() {
    }

    /** The bit mask of nominal days with a debit; also sets the monthly total. */
    static int schedule(Customer customer) {
        int mask = 0;
        long total = 0;
        for (int item = 0; item < items(customer); item++) {
            mask |= 1 << day(customer, item);
            total += amount(customer, item);
        }
        customer.fixedDebits = total;
        return mask;
    }

    static void play(Customer customer, DayContext context) {
        Today today = context.today;
        if ((customer.debitDays & today.debitMask) == 0) {
            return;
        }
        Account current = customer.current();
        for (int item = 0; item < items(customer); item++) {
            if (!today.debitDue(day(customer, item))) {
                continue;
            }
            long cents = amount(customer, item);
            Category category = item == UTILITIES ? Category.UTILITIES : item < FIRST_SUBSCRIPTION ? Category.INSURANCE
                    : Category.DIRECT_DEBIT;
            if (item == UTILITIES) {
                cents = Math.round(cents * today.utilityPrices);
            }
            byte[] description = switch (item) {
                case UTILITIES -> Descriptions.UTILITIES[pick(customer, item, Descriptions.UTILITIES.length)];
                case HEALTH_INSURANCE -> Descriptions.INSURANCE[0];
                case OTHER_INSURANCE -> Descriptions.INSURANCE[1 + pick(customer, item, 2)];
                default -> Descriptions.DIRECT_DEBITS[pick(customer, item, Descriptions.DIRECT_DEBITS.length)];
            };
            context.ledger.book(customer, current, -cents, category, Channel.SEPA, Parties.company(100 + item * 10
                    + pick(customer, item, 10)), description);
        }
    }

    private static int items(Customer customer) {
        return FIRST_SUBSCRIPTION + 2 + (int) (Dice.fraction(customer.index, 31) * (MAX_ITEMS - FIRST_SUBSCRIPTION - 1));
    }

    /** The nominal day of month, 1..26, so that moving a weekend debit to Monday stays in the month. */
    private static int day(Customer customer, int item) {
        return switch (item) {
            case HEALTH_INSURANCE -> 1;
            case UTILITIES -> 5 + pick(customer, item + 40, 16);
            default -> 1 + pick(customer, item + 40, 26);
        };
    }

    /** Cents, before any inflation. */
    private static long amount(Customer customer, int item) {
        double variation = 0.85 + 0.3 * Dice.fraction(customer.index, 60 + item);
        double euros = switch (item) {
            case UTILITIES -> customer.housing == Housing.WITH_PARENTS ? 0
                    : (90 + 35 * customer.householdSize) * Spending.householdShare(customer) * variation;
            case HEALTH_INSURANCE -> 145 * (0.95 + 0.1 * variation);
            case OTHER_INSURANCE -> 20 + 70 * (variation - 0.85) / 0.3;
            default -> 8 + 50 * (variation - 0.85) / 0.3;
        };
        return Math.round(euros * 100);
    }

    private static int pick(Customer customer, int salt, int bound) {
        return (int) (Dice.fraction(customer.index, 80 + salt) * bound);
    }
}
