package io.assay.banksim;

/**
 * The road to a mortgage. Renters of house-buying age with a steady income start, at a daily
 * hazard raised by income, household size and savings, to save hard (and read about mortgages);
 * an accepted offer brings a valuation fee and a deposit at the notary; a few weeks later the
 * purchase completes: notary costs, the agent's fee and, for most, a mortgage opened with us,
 * paid monthly from then on. Some purchases fall through and the deposit comes back.
 */
final class HomeBuying {
    private static final double BASE_HAZARD = 0.0003;
    private static final int DEPOSIT_DAY = 4;

    private HomeBuying() {
    }

    static double hazard(Customer c, int epochDay) {
        int age = c.ageOn(epochDay);
        boolean renting = c.housing == Housing.RENTER || c.housing == Housing.WITH_PARENTS;
        boolean earning = c.employment == Employment.EMPLOYED || c.employment == Employment.SELF_EMPLOYED;
        if (!renting || !earning || age < 24 || age > 50 || c.account(Product.MORTGAGE) != null
                || c.isChurning() || c.isDormant()) {
            return 0;
        }
        double hazard = BASE_HAZARD;
        hazard *= age >= 27 && age <= 38 ? 1.8 : 1;
        hazard *= switch (c.incomeBand) {
            case LOW -> 0.3;
            case MIDDLE -> 1;
            case HIGH -> 1.6;
            case VERY_HIGH -> 1.8;
        };
        hazard *= c.householdSize >= 2 ? 1.4 : 1;
        Account savings = c.open(Product.SAVINGS);
        hazard *= savings != null && savings.balance >= 3 * c.monthlyIncome ? 1.6 : 0.7;
        return hazard;
    }

    /** On the first day, some customers are already saving or buying. */
    static void seedUnderway(Customer c, Dice d, int asOfDay) {
        if (!d.chance(hazard(c, asOfDay) * 105)) {
            return;
        }
        c.homePrice = (long) Holdings.homePrice(c, d);
        if (d.chance(0.7)) {
            c.homeStage = HomeStage.SAVING;
            c.homeStageLength = d.inclusive(40, 110);
        } else {
            c.homeStage = HomeStage.BUYING;
            c.homeStageLength = d.inclusive(21, 42);
        }
        c.homeStageOn = asOfDay - d.below(c.homeStageLength);
    }

    static void play(Customer c, DayContext context) {
        Dice d = context.dice;
        int day = context.today.epochDay;
        switch (c.homeStage) {
            case NONE -> {
                boolean cooledDown = context.daysSince(c.homeStageOn) > 180;
                if (cooledDown && d.chance(hazard(c, day))) {
                    c.homeStage = HomeStage.SAVING;
                    c.homeStageOn = day;
                    c.homeStageLength = d.inclusive(40, 110);
                    c.homePrice = (long) Holdings.homePrice(c, d);
                    if (c.account(Product.SAVINGS) == null) {
                        // Saving for a deposit starts with somewhere to put it.
                        context.open(c, Product.SAVINGS);
                    }
                }
            }
            case SAVING -> {
                if (day - c.homeStageOn >= c.homeStageLength) {
                    c.homeStage = HomeStage.BUYING;
                    c.homeStageOn = day;
                    c.homeStageLength = d.inclusive(21, 42);
                    pay(c, context, Holdings.euros(d.between(450, 850)), Category.REAL_ESTATE, Parties.estateAgent(c),
                            Descriptions.VALUATION);
                }
            }
            case BUYING -> buying(c, context, day - c.homeStageOn);
        }
    }

    private static void buying(Customer c, DayContext context, int day) {
        Dice d = context.dice;
        if (day == DEPOSIT_DAY) {
            Account savings = c.open(Product.SAVINGS);
            long available = savings == null ? 0 : savings.balance - 100_000;
            long deposit = Math.min(c.homePrice / 10, available) / 10_000 * 10_000;
            c.homeDeposit = deposit >= 200_000 ? deposit : 0;
            if (c.homeDeposit > 0) {
                context.ledger.transfer(c, savings, c.current(), c.homeDeposit, Category.TRANSFER_OUT, Category.TRANSFER_IN,
                        Descriptions.TO_CURRENT, Descriptions.FROM_SAVINGS);
                context.ledger.book(c, c.current(), -c.homeDeposit, Category.NOTARY, Channel.SEPA, Parties.notary(c),
                        Descriptions.NOTARY_DEPOSIT);
            }
        }
        if (day < c.homeStageLength) {
            return;
        }
        c.homeStage = HomeStage.NONE;
        c.homeStageOn = context.today.epochDay;
        if (!d.chance(0.85)) {
            if (c.homeDeposit > 0) {
                context.ledger.book(c, c.current(), c.homeDeposit, Category.NOTARY, Channel.SEPA, Parties.notary(c),
                        Descriptions.NOTARY_DEPOSIT);
            }
            c.homeDeposit = 0;
            return;
        }
        long principal = c.homePrice - c.homeDeposit;
        if (d.chance(0.8)) {
            Account mortgage = context.open(c, Product.MORTGAGE);
            mortgage.instalment = Math.round(principal * Holdings.MORTGAGE_ANNUITY);
            context.ledger.book(c, mortgage, -principal, Category.NOTARY, Channel.SEPA, Parties.notary(c),
                    Descriptions.NOTARY_PAYOUT);
            c.housingPayment = 0;
            context.outcomes.mortgagesTaken++;
            context.truth.record(c, GroundTruth.Event.MORTGAGE_OPENED, context.today.date);
        } else {
            // Financed by another bank: the instalment leaves as a payment to them.
            c.housingPayment = Math.round(principal * Holdings.MORTGAGE_ANNUITY);
        }
        c.housing = Housing.OWNER_WITH_MORTGAGE;
        c.homeDeposit = 0;
        pay(c, context, c.homePrice / 50 + 150_000, Category.NOTARY, Parties.notary(c), Descriptions.NOTARY_COMPLETION);
        pay(c, context, Holdings.euros(d.between(1800, 3800)), Category.REAL_ESTATE, Parties.estateAgent(c),
                Descriptions.ESTATE_AGENT);
    }

    /** Pays a purchase cost from the current account, drawing on savings first where they reach. */
    private static void pay(Customer c, DayContext context, long cents, Category category, long party, byte[] description) {
        Account current = c.current();
        Account savings = c.open(Product.SAVINGS);
        long shortfall = cents - Math.max(0, current.balance);
        if (savings != null && shortfall > 0) {
            context.ledger.transfer(c, savings, current, Math.min(shortfall, savings.balance), Category.TRANSFER_OUT,
                    Category.TRANSFER_IN, Descriptions.TO_CURRENT, Descriptions.FROM_SAVINGS);
        }
        context.ledger.book(c, current, -cents, category, Channel.SEPA, party, description);
    }
}
