package io.assay.banksim;

/**
 * Where customers live and what they hold: housing, products, limits and starting balances,
 * all in proportion to income, age and habits.
 */
final class Holdings {
    /** Monthly annuity factor of a 30-year mortgage at 3.8 %. */
    static final double MORTGAGE_ANNUITY = annuity(0.038 / 12, 360);
    private static final double MORTGAGE_RATE = 0.038 / 12;
    /** Monthly instalment of a personal loan as a share of its principal: about four years at 7.5 %. */
    static final double LOAN_INSTALMENT = 0.0245;

    private Holdings() {
    }

    static void housing(Customer c, Dice d, int age) {
        long income = c.monthlyIncome;
        if (c.segment == Segment.STUDENT || age < 25) {
            if (c.householdSize >= 3 || d.chance(0.35)) {
                c.housing = Housing.WITH_PARENTS;
                c.householdSize = Math.max(3, c.householdSize);
                return;
            }
            c.housing = Housing.RENTER;
            c.housingPayment = euros(d.between(350, 750));
            return;
        }
        double owns = switch (c.incomeBand) {
            case LOW -> 0.18;
            case MIDDLE -> 0.45;
            case HIGH -> 0.65;
            case VERY_HIGH -> 0.75;
        } * (age < 30 ? 0.5 : 1);
        double u = d.uniform();
        if (age >= 67) {
            c.housing = u < 0.45 ? Housing.OWNER_WITHOUT_MORTGAGE : u < 0.6 ? Housing.OWNER_WITH_MORTGAGE : Housing.RENTER;
        } else if (age > 55 && u < 0.1) {
            c.housing = Housing.OWNER_WITHOUT_MORTGAGE;
        } else {
            c.housing = d.chance(owns) ? Housing.OWNER_WITH_MORTGAGE : Housing.RENTER;
        }
        if (c.housing == Housing.RENTER) {
            c.housingPayment = Math.max(euros(500), Math.min(euros(2400), Math.round(income * 0.3 * d.between(0.8, 1.2))));
        } else if (c.housing == Housing.OWNER_WITH_MORTGAGE) {
            // Paid to another bank until {@link #initial} finds the mortgage is ours.
            c.housingPayment = Math.round(homePrice(c, d) * 0.85 * MORTGAGE_ANNUITY);
        }
    }

    /** Products and balances of a customer already with the bank on the first day. */
    static void initial(Customer c, Dice d, int asOfDay, int age) {
        int band = c.incomeBand.ordinal();
        Account current = add(c, Product.CURRENT, c.joinedOn);
        current.creditLimit = overdraftLimit(c, d);
        double savingsChance = c.segment == Segment.STUDENT ? 0.35 : Math.min(0.95, 0.4 + 0.1 * band + 0.25 * c.discipline);
        boolean saver = d.chance(savingsChance);
        current.balance = startingBalance(c, d, saver, asOfDay, current.creditLimit);
        if (saver) {
            Account savings = add(c, Product.SAVINGS, between(d, c.joinedOn, asOfDay));
            double months = 0.5 + 6 * c.discipline * Math.min(2, age / 40.0);
            savings.balance = Math.min(euros(1_500_000), Math.round(c.monthlyIncome * d.logNormal(months, 0.9)));
        }
        double cardChance = c.segment == Segment.STUDENT ? 0 : (0.12 + 0.12 * band) * (age >= 67 ? 0.6 : 1);
        if (d.chance(cardChance)) {
            Account card = add(c, Product.CREDIT_CARD, between(d, c.joinedOn, asOfDay));
            card.creditLimit = cardLimit(c);
            card.balance = -Math.round(card.creditLimit * d.between(0, 0.25));
        }
        double loanChance = 0.05 + (c.spendingRatio > 0.95 ? 0.07 : 0);
        if (c.segment != Segment.STUDENT && age >= 21 && age < 70 && d.chance(loanChance)) {
            Account loan = add(c, Product.PERSONAL_LOAN, between(d, Math.max(c.joinedOn, asOfDay - 4 * 365), asOfDay));
            long principal = euros(d.between(3000, 8000) * (1 + band));
            loan.instalment = Math.round(principal * LOAN_INSTALMENT);
            loan.balance = -Math.round(principal * d.between(0.1, 0.95));
        }
        if (c.housing == Housing.OWNER_WITH_MORTGAGE && d.chance(0.8)) {
            double price = homePrice(c, d);
            double years = d.between(0, Math.max(0.5, Math.min(25, age - 25)));
            int openedOn = Math.max(c.joinedOn, asOfDay - 1 - (int) (years * 365));
            int monthsPaid = (asOfDay - openedOn) / 30;
            Account mortgage = add(c, Product.MORTGAGE, openedOn);
            long principal = Math.round(price * 0.9);
            mortgage.instalment = Math.round(principal * MORTGAGE_ANNUITY);
            mortgage.balance = -Math.round(principal * remainingShare(monthsPaid));
            c.housingPayment = 0;
        }
    }

    /**
     * The current balance on the morning of the first day, as the month so far left it: what is
     * left before payday, plus the part of the month's spending still to come.
     */
    private static long startingBalance(Customer c, Dice d, boolean saver, int asOfDay, long creditLimit) {
        double leftBeforePayday;
        if (c.spendingRatio > 1.02) {
            leftBeforePayday = -d.between(0, 0.3) * c.monthlyIncome;
        } else if (saver) {
            leftBeforePayday = c.monthlyIncome * (0.15 + 0.3 * (1 - c.discipline)) * d.logNormal(1, 0.4);
        } else {
            leftBeforePayday = c.monthlyIncome * d.logNormal(0.4 + 0.6 * c.discipline, 0.8);
        }
        int dayOfMonth = java.time.LocalDate.ofEpochDay(asOfDay).getDayOfMonth();
        int daysToPayday = Math.floorMod(c.payDay - dayOfMonth, 30) + 1;
        double toSpend = c.monthlyIncome * c.spendingRatio * daysToPayday / 30.4;
        return Math.max(-creditLimit - euros(200), Math.round(leftBeforePayday + toSpend));
    }

    /** The first day of a new customer: a current account (and perhaps more), funded from the old bank. */
    static void openForJoiner(Customer c, DayContext context) {
        Dice d = context.dice;
        Account current = context.open(c, Product.CURRENT);
        current.creditLimit = overdraftLimit(c, d);
        long deposit = Math.round(c.monthlyIncome * d.between(0.2, 1.5));
        context.ledger.book(c, current, deposit, Category.TRANSFER_IN, Channel.SEPA, Parties.ownAccountElsewhere(c),
                Descriptions.FROM_OWN_ELSEWHERE);
        if (d.chance(0.4)) {
            Account savings = context.open(c, Product.SAVINGS);
            context.ledger.transfer(c, current, savings, Math.round(deposit * d.between(0.2, 0.6)),
                    Category.TRANSFER_OUT, Category.TRANSFER_IN, Descriptions.TO_SAVINGS, Descriptions.FROM_CURRENT);
        }
        if (c.segment != Segment.STUDENT && d.chance(0.1 + 0.08 * c.incomeBand.ordinal())) {
            context.open(c, Product.CREDIT_CARD).creditLimit = cardLimit(c);
        }
    }

    /** A home price the customer could finance: about 4.6 years of income, more for a two-income household. */
    static double homePrice(Customer c, Dice d) {
        double price = 12 * c.monthlyIncome * 4.6 * (c.householdSize >= 2 ? 1.45 : 1) * d.between(0.85, 1.15);
        return Math.min(150_000_000, Math.round(price / 100_000) * 100_000.0);
    }

    static long overdraftLimit(Customer c, Dice d) {
        if (c.segment == Segment.STUDENT) {
            return d.chance(0.5) ? 0 : euros(250);
        }
        return switch (c.incomeBand) {
            case LOW -> d.chance(0.3) ? 0 : euros(500);
            case MIDDLE -> euros(1000);
            case HIGH -> euros(2500);
            case VERY_HIGH -> euros(5000);
        };
    }

    static long cardLimit(Customer c) {
        return switch (c.incomeBand) {
            case LOW -> euros(1000);
            case MIDDLE -> euros(2500);
            case HIGH -> euros(5000);
            case VERY_HIGH -> euros(10000);
        };
    }

    static long mortgageInterest(Account mortgage) {
        return Math.round(-mortgage.balance * MORTGAGE_RATE);
    }

    static long euros(double euros) {
        return Math.round(euros * 100);
    }

    private static Account add(Customer c, Product product, int openedOn) {
        Account account = new Account(product, openedOn);
        c.accounts[product.ordinal()] = account;
        return account;
    }

    /** A day from {@code from} up to the day before {@code asOfDay}: held products predate the initial load. */
    private static int between(Dice d, int from, int asOfDay) {
        int to = asOfDay - 1;
        return from >= to ? to : from + d.below(to - from + 1);
    }

    /** Share of an annuity's principal still owed after some monthly payments. */
    private static double remainingShare(int monthsPaid) {
        double growth = StrictMath.pow(1 + MORTGAGE_RATE, 360);
        return (growth - StrictMath.pow(1 + MORTGAGE_RATE, Math.min(359, monthsPaid))) / (growth - 1);
    }

    private static double annuity(double rate, int months) {
        return rate / (1 - StrictMath.pow(1 + rate, -months));
    }
}
