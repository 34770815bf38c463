package io.assay.banksim;

/**
 * Money going out day to day: housing at the start of the month, groceries most days, card
 * spending with weekend and December peaks, cash, transfers to friends, and gambling for the few
 * who gamble. Spending follows a monthly budget set by income and the customer's spending ratio;
 * disciplined customers cut back when the balance runs low, others do not, and the bank declines
 * card payments far beyond the limit.
 */
final class Spending {
    private static final double CARD_PAYMENTS_PER_DAY = 0.9;
    /** exp(sigma^2 / 2) for the log-normal amounts, so that budgets hold on average. */
    private static final double CARD_SKEW = StrictMath.exp(0.8 * 0.8 / 2);
    private static final double GROCERY_SKEW = StrictMath.exp(0.45 * 0.45 / 2);
    private static final double[] GROCERIES_BY_BAND = {0.9, 1.0, 1.15, 1.35};
    private static final int HOUSING_DAY = 1;

    private Spending() {
    }

    static void play(Customer c, DayContext context) {
        double mood = Churn.spendingFactor(c, context);
        if (mood == 0) {
            return;
        }
        Today today = context.today;
        Dice d = context.dice;
        Account current = c.current();
        housing(c, context);
        double squeeze = current.balance < c.monthlyIncome / 10 ? 1 - 0.6 * c.discipline : 1;
        double groceries = monthlyGroceries(c) * today.groceryPrices;
        double tripChance = Math.min(0.85, 0.3 + 0.07 * c.householdSize);
        if (d.chance(tripChance * today.groceryTrips * Math.min(1, mood + 0.3))) {
            double amount = groceries / (30.4 * tripChance) * d.logNormal(1 / GROCERY_SKEW, 0.45) * (0.7 + 0.3 * squeeze);
            byte[][] shops = Descriptions.GROCERIES[c.region.ordinal()];
            pay(c, context, Math.round(amount), Category.GROCERIES, shops[d.below(shops.length)]);
        }
        double perPayment = 0.8 * discretionaryBudget(c, groceries) / 30.4 / CARD_PAYMENTS_PER_DAY;
        // When prices rise, each purchase costs more but people buy less: the budget holds.
        int payments = d.poisson(CARD_PAYMENTS_PER_DAY * today.spending * mood * squeeze / today.cardPrices);
        for (int i = 0; i < payments; i++) {
            double amount = perPayment * d.logNormal(1 / CARD_SKEW, 0.8) * today.cardPrices;
            byte[][] shops = Descriptions.CARD_SPEND[c.region.ordinal()];
            pay(c, context, Math.max(50, Math.round(amount)), Category.CARD_SPEND, shops[d.below(shops.length)]);
        }
        int age = c.ageOn(today.epochDay);
        if (d.chance((age >= 60 ? 0.08 : 0.045) * mood)) {
            double euros = Math.max(20, Math.min(500, discretionaryBudget(c, groceries) / 100 * 0.12 * d.between(0.5, 1.5)));
            long cents = Math.round(euros / 10) * 1000;
            if (!declined(c, context, cents)) {
                byte[][] machines = Descriptions.ATM[c.region.ordinal()];
                context.ledger.book(c, current, -cents, Category.ATM, Channel.ATM, Parties.NONE,
                        machines[d.below(machines.length)]);
            }
        }
        if (d.chance((age < 30 ? 0.07 : 0.04) * mood)) {
            context.ledger.book(c, current, -Holdings.euros(d.logNormal(25, 0.7)), Category.TRANSFER_OUT, Channel.ONLINE,
                    Parties.friend(c, d.below(6)), Descriptions.TO_FRIENDS[d.below(Descriptions.TO_FRIENDS.length)]);
        }
        if (c.gambler) {
            gamble(c, context);
        }
    }

    /** Cents a month of groceries: the customer's share of the household's. */
    static double monthlyGroceries(Customer c) {
        if (c.housing == Housing.WITH_PARENTS) {
            return 6000;
        }
        return (200 + 140 * (c.householdSize - 1)) * 100 * householdShare(c) * GROCERIES_BY_BAND[c.incomeBand.ordinal()];
    }

    /** The customer's share of household costs: in a household of two or more, a partner pays part. */
    static double householdShare(Customer c) {
        return c.householdSize >= 2 ? 0.6 : 1;
    }

    /**
     * Cents a month left for card, cash and transfers once fixed costs and groceries (at today's
     * prices) are paid,
     * given the spending ratio. After a job loss a disciplined customer budgets on the benefit,
     * an undisciplined one carries on as before.
     */
    static double discretionaryBudget(Customer c, double groceries) {
        double income = c.monthlyIncome;
        if (c.employment == Employment.UNEMPLOYED && c.benefit < c.monthlyIncome) {
            income = c.benefit * c.discipline + c.monthlyIncome * (1 - c.discipline);
        }
        double fixed = c.fixedDebits + c.housingPayment + instalment(c, Product.MORTGAGE) + instalment(c, Product.PERSONAL_LOAN);
        return Math.max(5000, income * c.spendingRatio - fixed - groceries);
    }

    private static long instalment(Customer c, Product product) {
        Account account = c.open(product);
        return account == null ? 0 : account.instalment;
    }

    private static void housing(Customer c, DayContext context) {
        if (!context.today.debitDue(HOUSING_DAY) || Churn.moneyLivesElsewhere(c, context)) {
            return;
        }
        Account current = c.current();
        switch (c.housing) {
            case RENTER -> context.ledger.book(c, current, -c.housingPayment, Category.RENT, Channel.SEPA,
                    Parties.landlord(c), Descriptions.RENT[(int) (Dice.fraction(c.index, 5) * Descriptions.RENT.length)]);
            case OWNER_WITH_MORTGAGE -> context.ledger.book(c, current, -c.housingPayment, Category.MORTGAGE_PAYMENT,
                    Channel.SEPA, Parties.landlord(c), Descriptions.MORTGAGE_INSTALMENT);
            case WITH_PARENTS -> context.ledger.book(c, current, -Holdings.euros(100 + 50 * (c.index % 4)),
                    Category.TRANSFER_OUT, Channel.ONLINE, Parties.friend(c, 7), Descriptions.TO_FRIENDS[3]);
            case OWNER_WITHOUT_MORTGAGE -> {
            }
        }
    }

    /** A card payment, on the credit card when the customer has one with room, else on the current account. */
    private static void pay(Customer c, DayContext context, long cents, Category category, byte[] description) {
        Dice d = context.dice;
        Account card = c.open(Product.CREDIT_CARD);
        Account account = card != null && d.chance(0.55) && card.balance - cents >= -card.creditLimit ? card : c.current();
        if (account == c.current() && declined(c, context, cents)) {
            return;
        }
        context.ledger.book(c, account, -cents, category, Channel.CARD, Parties.NONE, description);
    }

    /** Far beyond the limit the bank declines most payments; now and then a decline becomes a complaint. */
    private static boolean declined(Customer c, DayContext context, long cents) {
        Dice d = context.dice;
        Account current = c.current();
        if (current.balance - cents >= -current.creditLimit - 10_000 || !d.chance(0.85)) {
            return false;
        }
        if (d.chance(0.02)) {
            c.incidentOn = context.today.epochDay;
        }
        return true;
    }

    private static void gamble(Customer c, DayContext context) {
        Dice d = context.dice;
        if (d.chance(context.today.weekend ? 0.2 : 0.12)) {
            long stake = Holdings.euros(d.logNormal(15 * (1 + c.incomeBand.ordinal()), 1.0));
            if (!declined(c, context, stake)) {
                context.ledger.book(c, c.current(), -stake, Category.GAMBLING, Channel.ONLINE, Parties.company(7 + d.below(4)),
                        Descriptions.GAMBLING[d.below(Descriptions.GAMBLING.length)]);
            }
        }
        if (d.chance(0.02)) {
            context.ledger.book(c, c.current(), Holdings.euros(d.logNormal(60, 1.2)), Category.GAMBLING, Channel.ONLINE,
                    Parties.company(7), Descriptions.GAMBLING_WIN);
        }
    }
}
