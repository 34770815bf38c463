package io.assay.banksim;

import java.util.function.ToLongFunction;

/**
 * What the bank itself books: instalments, card statements, interest and fees; and what careful
 * customers arrange: sweeping surplus into savings after payday, topping up from savings when in
 * the red, and — when money is short — a personal loan.
 */
final class Banking {
    private static final int INSTALMENT_DAY = 1;
    private static final int CARD_STATEMENT_DAY = 5;
    private static final double LOAN_RATE = 0.075 / 12;
    private static final double SAVINGS_RATE = 0.0175 / 12;
    private static final double OVERDRAFT_RATE = 0.11 / 12;
    private static final long UNARRANGED_OVERDRAFT_FEE = 1000;

    private Banking() {
    }

    static void play(Customer c, DayContext context) {
        Today today = context.today;
        Dice d = context.dice;
        Account current = c.current();
        Account savings = c.open(Product.SAVINGS);
        if (today.debitDue(INSTALMENT_DAY)) {
            instalment(c, context, c.open(Product.MORTGAGE), Holdings::mortgageInterest, Category.MORTGAGE_PAYMENT,
                    Descriptions.MORTGAGE_INSTALMENT, Descriptions.MORTGAGE_INTEREST);
            instalment(c, context, c.open(Product.PERSONAL_LOAN), loan -> Math.round(-loan.balance * LOAN_RATE),
                    Category.LOAN_REPAYMENT, Descriptions.LOAN_REPAYMENT, Descriptions.LOAN_INTEREST);
            long fee = switch (c.segment) {
                case STUDENT -> 0;
                case AFFLUENT -> 995;
                case MASS, SENIOR -> 350;
            };
            context.ledger.book(c, current, -fee, Category.FEE, Channel.ONLINE, Parties.NONE, Descriptions.ACCOUNT_FEE);
        }
        Account card = c.open(Product.CREDIT_CARD);
        if (card != null && card.balance < 0 && today.debitDue(CARD_STATEMENT_DAY)) {
            context.ledger.transfer(c, current, card, -card.balance, Category.DIRECT_DEBIT, Category.TRANSFER_IN,
                    Descriptions.CARD_STATEMENT, Descriptions.CARD_PAID);
        }
        if (savings != null && !c.isDormant() && !Churn.isLeaving(c)) {
            sweep(c, context, current, savings);
            if (current.balance < 0 && savings.balance > 0 && d.chance(c.discipline * 0.5)) {
                long topUp = Math.min(savings.balance, -current.balance + c.monthlyIncome / 10);
                context.ledger.transfer(c, savings, current, topUp, Category.TRANSFER_OUT, Category.TRANSFER_IN,
                        Descriptions.TO_CURRENT, Descriptions.FROM_SAVINGS);
            }
        }
        if (today.lastOfMonth) {
            if (savings != null && savings.balance > 0) {
                context.ledger.book(c, savings, Math.round(savings.balance * SAVINGS_RATE), Category.INTEREST, Channel.ONLINE,
                        Parties.NONE, Descriptions.SAVINGS_INTEREST);
            }
            if (current.balance < 0) {
                context.ledger.book(c, current, Math.round(current.balance * OVERDRAFT_RATE), Category.INTEREST,
                        Channel.ONLINE, Parties.NONE, Descriptions.OVERDRAFT_INTEREST);
            }
        }
        if (current.balance < 0 && c.account(Product.PERSONAL_LOAN) == null && c.segment != Segment.STUDENT
                && !c.isChurning() && !c.isDormant() && d.chance(0.0015)) {
            int age = c.ageOn(today.epochDay);
            if (age >= 21 && age < 70) {
                Account loan = context.open(c, Product.PERSONAL_LOAN);
                long principal = Math.round(c.monthlyIncome * d.between(1.5, 4) / 50_000) * 50_000;
                loan.instalment = Math.round(principal * Holdings.LOAN_INSTALMENT);
                context.ledger.transfer(c, loan, current, principal, Category.TRANSFER_OUT, Category.TRANSFER_IN,
                        Descriptions.LOAN_PAYOUT, Descriptions.LOAN_PAYOUT);
            }
        }
    }

    /** After all of the day's bookings: the unarranged overdraft fee, and the tally of who went below zero. */
    static void endOfDay(Customer c, DayContext context) {
        Account current = c.current();
        if (!current.isOpen()) {
            return;
        }
        if (current.balance < -current.creditLimit) {
            if (!c.unarrangedOverdraft) {
                context.ledger.book(c, current, -UNARRANGED_OVERDRAFT_FEE, Category.FEE, Channel.ONLINE, Parties.NONE,
                        Descriptions.OVERDRAFT_FEE);
                c.unarrangedOverdraft = true;
                if (context.dice.chance(0.08)) {
                    c.incidentOn = context.today.epochDay;
                }
            }
        } else {
            c.unarrangedOverdraft = false;
        }
        if (current.balance < 0 && !c.everBelowZero) {
            c.everBelowZero = true;
            context.outcomes.customersBelowZero++;
        }
    }

    /** Two days after income, surplus above a buffer goes to savings; home savers put more aside. */
    private static void sweep(Customer c, DayContext context, Account current, Account savings) {
        if (c.lastIncomeOn == Customer.NEVER || context.today.epochDay != c.lastIncomeOn + 2) {
            return;
        }
        // Enough for the month ahead, and a margin that careless customers keep larger.
        double buffer = c.monthlyIncome * (c.spendingRatio + 0.15 + 0.3 * (1 - c.discipline)
                + (c.employment == Employment.SELF_EMPLOYED ? 0.6 : 0));
        double surplus = (current.balance - buffer) * (0.4 + 0.5 * c.discipline);
        if (c.homeStage == HomeStage.SAVING) {
            surplus += 0.2 * c.monthlyIncome;
        }
        long amount = Math.min(current.balance - c.monthlyIncome / 10, Math.round(surplus / 1000) * 1000);
        if (amount >= 5000) {
            context.ledger.transfer(c, current, savings, amount, Category.TRANSFER_OUT, Category.TRANSFER_IN,
                    Descriptions.TO_SAVINGS, Descriptions.FROM_CURRENT);
        }
    }

    /** A monthly instalment: interest charged on the loan account, then paid off from the current account. */
    private static void instalment(Customer c, DayContext context, Account loan, ToLongFunction<Account> interest,
                                   Category category, byte[] description, byte[] interestDescription) {
        if (loan == null || loan.openedOn == context.today.epochDay) {
            return;
        }
        Account current = c.current();
        context.ledger.book(c, loan, -interest.applyAsLong(loan), Category.INTEREST, Channel.ONLINE, Parties.NONE,
                interestDescription);
        long payment = Math.min(loan.instalment, -loan.balance);
        if (Churn.moneyLivesElsewhere(c, context)) {
            // The customer's money lives at another bank now; the instalment is funded from there.
            context.ledger.book(c, current, payment, Category.TRANSFER_IN, Channel.SEPA, Parties.ownAccountElsewhere(c),
                    Descriptions.FROM_OWN_ELSEWHERE);
        }
        context.ledger.transfer(c, current, loan, payment, category, category, description, description);
        if (loan.balance >= 0) {
            context.close(c, loan);
        }
    }
}
