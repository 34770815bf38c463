package io.assay.banksim;

/**
 * Changes in a customer's life that show in the customer row: birthdays (the age changes),
 * retirement, losing a job and finding one, graduating, a child, a move. A job loss is also the
 * classic income shock behind an overdraft.
 */
final class LifeEvents {
    private static final int RETIREMENT_AGE = 67;

    private LifeEvents() {
    }

    static void play(Customer c, DayContext context) {
        Dice d = context.dice;
        Today today = context.today;
        if (today.isBirthday(c)) {
            c.changed = true;
            if (c.ageOn(today.epochDay) == RETIREMENT_AGE && c.employment != Employment.RETIRED
                    && c.employment != Employment.SELF_EMPLOYED) {
                c.employment = Employment.RETIRED;
                c.monthlyIncome = Math.max(145_000, c.monthlyIncome * 7 / 10);
                c.benefit = 0;
                c.unemployedSince = Customer.NEVER;
                if (c.segment != Segment.AFFLUENT) {
                    c.segment = Segment.SENIOR;
                }
            }
        }
        switch (c.employment) {
            case EMPLOYED -> {
                double hazard = 0.00012 * (c.incomeBand == IncomeBand.LOW ? 2 : c.incomeBand == IncomeBand.MIDDLE ? 1 : 0.6)
                        * (c.ageOn(today.epochDay) < 25 ? 1.5 : 1);
                if (!c.isChurning() && d.chance(hazard)) {
                    c.employment = Employment.UNEMPLOYED;
                    c.unemployedSince = today.epochDay;
                    c.benefit = Math.min(350_000, c.monthlyIncome * 7 / 10);
                    c.changed = true;
                }
            }
            case UNEMPLOYED -> {
                if (context.daysSince(c.unemployedSince) > 30 && d.chance(0.006)) {
                    if (c.benefit >= c.monthlyIncome) {
                        // Long-term unemployed: the new job pays more than the benefit did.
                        c.monthlyIncome = c.monthlyIncome * 135 / 100;
                    }
                    c.employment = Employment.EMPLOYED;
                    c.employer = d.below(Parties.EMPLOYERS);
                    c.unemployedSince = Customer.NEVER;
                    c.benefit = 0;
                    c.changed = true;
                }
            }
            case STUDENT -> {
                if (c.ageOn(today.epochDay) >= 21 && d.chance(0.0006)) {
                    c.employment = Employment.EMPLOYED;
                    c.segment = Segment.MASS;
                    c.incomeBand = IncomeBand.MIDDLE;
                    c.monthlyIncome = Holdings.euros(d.between(2200, 3200));
                    c.employer = d.below(Parties.EMPLOYERS);
                    c.changed = true;
                }
            }
            case SELF_EMPLOYED, RETIRED -> {
            }
        }
        if (d.chance(0.00015)) {
            int age = c.ageOn(today.epochDay);
            c.householdSize = Math.max(1, Math.min(12, c.householdSize + (age < 45 ? 1 : -1)));
            c.changed = true;
        }
        if (d.chance(0.00005)) {
            c.region = Region.values()[d.below(Region.values().length)];
            c.changed = true;
        }
    }
}
