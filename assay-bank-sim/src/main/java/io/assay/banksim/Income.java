package io.assay.banksim;

import java.time.Month;

/**
 * Money coming in: salaries around the 24th–25th (brought forward to Friday before a weekend),
 * pensions on the 23rd, benefits, student finance, invoices of the self-employed. From the
 * shift day, employers that moved to a payroll processor pay as {@code TRANSFER_IN}.
 */
final class Income {
    private static final int STATE_PENSION_DAY = 23;
    private static final int PENSION_FUND_DAY = 24;
    private static final int BENEFIT_DAY = 12;
    private static final int STUDENT_FINANCE_DAY = 24;
    private static final int CHILD_BENEFIT_DAY = 3;
    private static final int HEALTHCARE_ALLOWANCE_DAY = 20;
    /** Cents: what student finance pays a month; the rest of a student's income is a part-time wage. */
    private static final long STUDENT_FINANCE = 40_000;
    private static final long CHILD_BENEFIT_PER_CHILD = 30_000;
    private static final long HEALTHCARE_ALLOWANCE = 12_000;
    /** Chance that a client pays an invoice on a weekday: a few payments a month, never on a schedule. */
    private static final double INVOICE_CHANCE = 0.2;
    /** Share of employers whose salary run moves to the payroll processor on the shift day. */
    private static final double PAYROLL_SWITCH_SHARE = 0.6;

    private Income() {
    }

    static void play(Customer c, DayContext context) {
        if (Churn.moneyLivesElsewhere(c, context)) {
            return;
        }
        Today today = context.today;
        Dice d = context.dice;
        switch (c.employment) {
            case EMPLOYED -> salary(c, context, c.monthlyIncome);
            case SELF_EMPLOYED -> invoices(c, context);
            case RETIRED -> pension(c, context);
            case UNEMPLOYED -> {
                if (today.creditDue(BENEFIT_DAY) && context.daysSince(c.unemployedSince) > 30) {
                    receive(c, context, c.benefit, Category.BENEFITS, Parties.BENEFITS_AGENCY, Descriptions.UNEMPLOYMENT, null);
                }
            }
            case STUDENT -> {
                if (today.creditDue(STUDENT_FINANCE_DAY)) {
                    receive(c, context, Math.min(c.monthlyIncome, STUDENT_FINANCE), Category.BENEFITS,
                            Parties.STUDENT_FINANCE, Descriptions.STUDENT_FINANCE, null);
                }
                // The rest of a student's income comes from a part-time job.
                salary(c, context, c.monthlyIncome - STUDENT_FINANCE);
            }
        }
        boolean quarter = today.month == Month.JANUARY || today.month == Month.APRIL || today.month == Month.JULY
                || today.month == Month.OCTOBER;
        if (today.creditDue(CHILD_BENEFIT_DAY) && quarter && c.householdSize >= 3 && c.segment != Segment.STUDENT
                && c.housing != Housing.WITH_PARENTS && c.ageOn(today.epochDay) < 60) {
            receive(c, context, CHILD_BENEFIT_PER_CHILD * (c.householdSize - 2), Category.BENEFITS, Parties.STATE_PENSION,
                    Descriptions.CHILD_BENEFIT, null);
        }
        if (c.incomeBand == IncomeBand.LOW && today.creditDue(HEALTHCARE_ALLOWANCE_DAY)) {
            receive(c, context, HEALTHCARE_ALLOWANCE, Category.BENEFITS, Parties.TAX_OFFICE,
                    Descriptions.HEALTHCARE_ALLOWANCE, null);
        }
        if (d.chance(0.03)) {
            context.ledger.book(c, c.current(), Holdings.euros(d.logNormal(30, 0.8)), Category.TRANSFER_IN, Channel.ONLINE,
                    Parties.friend(c, d.below(6)), Descriptions.FROM_FRIENDS[d.below(Descriptions.FROM_FRIENDS.length)]);
        }
    }

    /** Whether an employer's salary run moved to the payroll processor (when the shift holds). */
    static boolean employerSwitched(int employer) {
        return Dice.fraction(employer, 7) < PAYROLL_SWITCH_SHARE;
    }

    private static void salary(Customer c, DayContext context, long monthly) {
        Today today = context.today;
        if (monthly <= 0 || !today.creditDue(c.payDay)) {
            return;
        }
        double amount = monthly * (1 + 0.01 * context.dice.normal());
        if (today.month == Month.MAY) {
            amount *= 1.75;
        } else if (today.month == Month.DECEMBER && c.thirteenthMonth) {
            amount *= 1.85;
        }
        long cents = Math.round(amount);
        if (today.payrollMoved && employerSwitched(c.employer)) {
            receive(c, context, cents, Category.TRANSFER_IN, Parties.PAYROLL_PROCESSOR, Descriptions.PAYROLL[c.employer],
                    today.monthName);
        } else {
            receive(c, context, cents, Category.SALARY, Parties.employer(c.employer), Descriptions.SALARY[c.employer],
                    today.monthName);
        }
    }

    private static void invoices(Customer c, DayContext context) {
        Dice d = context.dice;
        if (context.today.weekend || !d.chance(INVOICE_CHANCE)) {
            return;
        }
        long cents = Math.round(c.monthlyIncome / (21.7 * INVOICE_CHANCE) * d.logNormal(0.9, 0.45));
        receive(c, context, cents, Category.TRANSFER_IN, Parties.client(c, d.below(6)),
                Descriptions.INVOICES[d.below(Descriptions.INVOICES.length)], null);
    }

    private static void pension(Customer c, DayContext context) {
        Today today = context.today;
        boolean statePension = c.ageOn(today.epochDay) >= 67;
        long state = statePension ? (c.householdSize == 1 ? 145_000 : 100_000) : 0;
        if (statePension && today.creditDue(STATE_PENSION_DAY)) {
            receive(c, context, Math.min(state, c.monthlyIncome), Category.PENSION, Parties.STATE_PENSION,
                    Descriptions.STATE_PENSION, null);
        }
        if (c.monthlyIncome > state && today.creditDue(PENSION_FUND_DAY)) {
            receive(c, context, c.monthlyIncome - state, Category.PENSION, Parties.PENSION_FUND, Descriptions.PENSION_FUND,
                    null);
        }
    }

    private static void receive(Customer c, DayContext context, long cents, Category category, long party,
                                byte[] description, byte[] suffix) {
        context.ledger.book(c, c.current(), cents, category, Channel.SEPA, party, description, suffix);
        c.lastIncomeOn = context.today.epochDay;
    }
}
