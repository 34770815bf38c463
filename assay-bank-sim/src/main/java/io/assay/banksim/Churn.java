package io.assay.banksim;

/**
 * Customers leaving. A customer starts to disengage with a daily hazard that observable things
 * raise — short tenure, youth, few products, low engagement, a recent complaint, overdraft fees
 * — and then, over three to nine weeks, logs in less, complains, sets up a payee at another
 * bank, stops receiving income here and moves the money out; in the end they close everything,
 * go dormant, or (some) come back.
 */
final class Churn {
    private static final double BASE_HAZARD = 0.00052;

    private Churn() {
    }

    static double hazard(Customer c, int epochDay, int daysSinceIncident) {
        int age = c.ageOn(epochDay);
        int tenureMonths = (epochDay - c.joinedOn) / 30;
        double hazard = BASE_HAZARD;
        hazard *= tenureMonths < 24 ? 1.8 : tenureMonths > 120 ? 0.6 : 1;
        hazard *= age < 30 ? 1.5 : age >= 67 ? 0.5 : 1;
        hazard *= switch (c.segment) {
            case STUDENT -> 1.4;
            case AFFLUENT -> 0.8;
            case MASS, SENIOR -> 1;
        };
        hazard *= switch (c.incomeBand) {
            case LOW -> 1.15;
            case MIDDLE -> 1;
            case HIGH -> 0.9;
            case VERY_HIGH -> 0.85;
        };
        hazard *= c.engagement < 0.15 ? 1.7 : c.engagement > 0.8 ? 0.65 : 1;
        hazard *= c.openProducts() >= 3 ? 0.6 : 1;
        hazard *= c.holds(Product.MORTGAGE) ? 0.35 : 1;
        hazard *= daysSinceIncident <= 60 ? 3.5 : 1;
        hazard *= c.unarrangedOverdraft ? 1.5 : 1;
        return hazard;
    }

    /** On the first day, some customers are already on their way out. */
    static void seedUnderway(Customer c, Dice d, int asOfDay) {
        if (!d.chance(hazard(c, asOfDay, Integer.MAX_VALUE) * 40)) {
            return;
        }
        start(c, d, asOfDay);
        c.churnStartedOn = asOfDay - d.below(c.churnLength);
        if (leaves(c) && asOfDay - c.churnStartedOn > c.churnLength * 0.55) {
            // The money already moved out before the extract begins.
            c.current().balance = c.current().balance / 7;
            Account savings = c.open(Product.SAVINGS);
            if (savings != null) {
                savings.balance = savings.balance / 20;
            }
        }
    }

    /** Starts, advances or ends the customer's departure; true when the customer closed today (nothing else happens). */
    static boolean play(Customer c, DayContext context) {
        Dice d = context.dice;
        Today today = context.today;
        if (d.chance(0.0012)) {
            c.incidentOn = today.epochDay;
        }
        if (!c.isChurning()) {
            if (c.status == CustomerStatus.ACTIVE && c.homeStage == HomeStage.NONE
                    && d.chance(hazard(c, today.epochDay, context.daysSince(c.incidentOn)))) {
                start(c, d, today.epochDay);
            }
            return false;
        }
        int day = today.epochDay - c.churnStartedOn;
        if (leaves(c) && day == (int) (c.churnLength * 0.55)) {
            moveMoneyOut(c, context);
        }
        if (day < c.churnLength) {
            return false;
        }
        c.churnStartedOn = Customer.NEVER;
        switch (c.churnExit) {
            case CLOSE -> {
                closeEverything(c, context);
                return true;
            }
            case DORMANT -> {
                c.status = CustomerStatus.DORMANT;
                c.changed = true;
                context.outcomes.customersDormant++;
                context.truth.record(c, GroundTruth.Event.LEFT, context.today.date);
            }
            case RECOVER -> {
            }
        }
        return false;
    }

    /** Progress through the departure, 0..1, or -1 when the customer is not churning. */
    static double progress(Customer c, DayContext context) {
        if (!c.isChurning()) {
            return -1;
        }
        return Math.min(1, (context.today.epochDay - c.churnStartedOn) / (double) c.churnLength);
    }

    static boolean isLeaving(Customer c) {
        return c.isChurning() && leaves(c);
    }

    /**
     * From halfway, a leaver's income is paid into the new bank and the switching service moves
     * the direct debits there too; a dormant customer's money lives elsewhere for good.
     */
    static boolean moneyLivesElsewhere(Customer c, DayContext context) {
        return c.isDormant() || isLeaving(c) && progress(c, context) >= 0.5;
    }

    static double spendingFactor(Customer c, DayContext context) {
        if (c.isDormant()) {
            return 0;
        }
        double progress = progress(c, context);
        if (progress < 0) {
            return 1;
        }
        return leaves(c) ? 1 - 0.75 * progress : 1 - 0.3 * progress;
    }

    static double engagementFactor(Customer c, DayContext context) {
        if (c.isDormant()) {
            return 0.03;
        }
        double progress = progress(c, context);
        if (progress < 0) {
            return 1;
        }
        return leaves(c) ? 1 - 0.85 * progress : 1 - 0.6 * progress;
    }

    private static boolean leaves(Customer c) {
        return c.churnExit != ChurnExit.RECOVER;
    }

    private static void start(Customer c, Dice d, int epochDay) {
        c.churnStartedOn = epochDay;
        c.churnLength = d.inclusive(21, 63);
        boolean tied = c.holds(Product.MORTGAGE) || c.holds(Product.PERSONAL_LOAN);
        double u = d.uniform();
        if (tied) {
            c.churnExit = u < 0.7 ? ChurnExit.DORMANT : ChurnExit.RECOVER;
        } else {
            c.churnExit = u < 0.6 ? ChurnExit.CLOSE : u < 0.8 ? ChurnExit.DORMANT : ChurnExit.RECOVER;
        }
    }

    private static void moveMoneyOut(Customer c, DayContext context) {
        Account current = c.current();
        Account savings = c.open(Product.SAVINGS);
        if (savings != null) {
            context.ledger.transfer(c, savings, current, savings.balance, Category.TRANSFER_OUT, Category.TRANSFER_IN,
                    Descriptions.TO_CURRENT, Descriptions.FROM_SAVINGS);
        }
        long out = current.balance * 85 / 100;
        if (out > 0) {
            context.ledger.book(c, current, -out, Category.TRANSFER_OUT, Channel.ONLINE, Parties.ownAccountElsewhere(c),
                    Descriptions.TO_OWN_ELSEWHERE);
        }
    }

    /** Settles and closes every product, then the customer: balances end at zero, the last rows say CLOSED. */
    private static void closeEverything(Customer c, DayContext context) {
        Account current = c.current();
        Account card = c.open(Product.CREDIT_CARD);
        if (card != null) {
            context.ledger.transfer(c, current, card, -card.balance, Category.DIRECT_DEBIT, Category.TRANSFER_IN,
                    Descriptions.CARD_STATEMENT, Descriptions.CARD_PAID);
            context.close(c, card);
        }
        Account savings = c.open(Product.SAVINGS);
        if (savings != null) {
            context.ledger.transfer(c, savings, current, savings.balance, Category.TRANSFER_OUT, Category.TRANSFER_IN,
                    Descriptions.TO_CURRENT, Descriptions.FROM_SAVINGS);
            context.close(c, savings);
        }
        long party = Parties.ownAccountElsewhere(c);
        if (current.balance > 0) {
            context.ledger.book(c, current, -current.balance, Category.TRANSFER_OUT, Channel.ONLINE, party,
                    Descriptions.SWITCH_CLOSING);
        } else if (current.balance < 0) {
            context.ledger.book(c, current, -current.balance, Category.TRANSFER_IN, Channel.SEPA, party,
                    Descriptions.SWITCH_CLOSING);
        }
        context.close(c, current);
        c.status = CustomerStatus.CLOSED;
        c.closedOn = context.today.epochDay;
        c.changed = true;
        context.outcomes.customersClosed++;
        context.truth.record(c, GroundTruth.Event.LEFT, context.today.date);
    }
}
