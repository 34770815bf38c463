package io.assay.banksim;

/**
 * Draws a customer's attributes and money habits: age first, then what follows from it
 * (employment, income, segment, household, housing), then the hidden traits that later drive
 * behaviour. Attributes are correlated the way they are in a real customer base, so that a model
 * has observable features to learn from.
 */
final class CustomerFactory {
    private static final long STREAM = 0xC0FFEEL;
    /** Age bins for the customer base, and for new customers, who skew young. */
    private static final int[] AGE_FROM = {18, 25, 35, 45, 55, 67, 81};
    private static final int[] AGE_TO = {24, 34, 44, 54, 66, 80, 94};
    private static final double[] BASE_AGES = Dice.cumulative(0.12, 0.17, 0.16, 0.17, 0.19, 0.14, 0.05);
    private static final double[] NEW_AGES = Dice.cumulative(0.40, 0.33, 0.12, 0.07, 0.05, 0.03, 0.0);
    private static final double[] GENDERS = Dice.cumulative(0.49, 0.49, 0.02);
    private static final double[] REGIONS = Dice.cumulative(0.10, 0.21, 0.22, 0.32, 0.15);
    private static final int[] PAY_DAYS = {20, 21, 22, 23, 24, 25, 26, 27, 28};
    private static final double[] PAY_DAY_WEIGHTS = Dice.cumulative(2, 3, 5, 10, 24, 30, 10, 6, 10);
    private static final double[] HOUSEHOLDS = Dice.cumulative(0.30, 0.30, 0.15, 0.17, 0.06, 0.015, 0.005);
    private static final int DAYS_TO_ADULTHOOD = 6575;

    private final long seed;
    private final Dice dice = new Dice();

    CustomerFactory(long seed) {
        this.seed = seed;
    }

    /** A customer as of {@code asOfDay}: a long-standing one for the first day, or one joining that day. */
    Customer create(int index, int asOfDay, boolean joining) {
        Dice d = dice.reseed(seed, STREAM, index, joining ? 1 : 0);
        int bin = d.pick(joining ? NEW_AGES : BASE_AGES);
        int age = d.inclusive(AGE_FROM[bin], AGE_TO[bin]);
        int birthDay = asOfDay - (int) (age * 365.25) - 1 - d.below(364);
        Gender gender = Gender.values()[d.pick(GENDERS)];
        int adultMonths = (asOfDay - birthDay - DAYS_TO_ADULTHOOD) / 30;
        int tenureMonths = joining ? 0 : Math.min(adultMonths, (int) (-120 * StrictMath.log(1 - d.uniform())));
        // Long-standing customers joined before the first day, so their holdings are on the initial load.
        int joinedOn = joining ? asOfDay : asOfDay - tenureMonths * 30 - 1 - d.below(30);
        joinedOn = joining ? joinedOn : Math.min(asOfDay - 1, Math.max(joinedOn, birthDay + DAYS_TO_ADULTHOOD));
        int phone = d.chance(0.02) ? Identity.NO_PHONE : d.inclusive(10_000_000, 99_999_999);
        int emailStyle = age > 75 && d.chance(0.35) || d.chance(0.03) ? Identity.NO_EMAIL : d.below(Identity.NO_EMAIL);
        Customer c = new Customer(index, birthDay, gender, (short) d.below(1000), (short) d.below(1000),
                (byte) emailStyle, phone, joinedOn);

        c.region = Region.values()[d.pick(REGIONS)];
        c.employment = employment(d, age);
        c.incomeBand = incomeBand(d, c.employment, age);
        c.monthlyIncome = monthlyIncome(d, c.employment, c.incomeBand);
        c.segment = segment(d, c.employment, c.incomeBand, age);
        c.householdSize = household(d, c.employment, age);
        c.payDay = PAY_DAYS[d.pick(PAY_DAY_WEIGHTS)];
        c.employer = d.below(Parties.EMPLOYERS);
        c.thirteenthMonth = c.employment == Employment.EMPLOYED && d.chance(0.3);
        c.benefit = c.employment == Employment.UNEMPLOYED ? c.monthlyIncome : 0;
        if (c.employment == Employment.UNEMPLOYED) {
            c.unemployedSince = asOfDay - 60 - d.below(600);
        }

        double ratio = switch (c.incomeBand) {
            case LOW -> 0.92;
            case MIDDLE -> 0.9;
            case HIGH -> 0.84;
            case VERY_HIGH -> 0.76;
        };
        if (c.segment == Segment.STUDENT) {
            ratio = 0.9;
        }
        ratio += (age < 25 ? 0.02 : 0) + 0.07 * d.normal();
        c.spendingRatio = Math.max(0.62, Math.min(1.25, ratio));
        c.discipline = Math.max(0, Math.min(1, d.uniform() + (age > 50 ? 0.15 : 0) - (age < 25 ? 0.1 : 0)));
        double medianLogins = age < 30 ? 0.9 : age < 45 ? 0.65 : age < 60 ? 0.4 : age < 75 ? 0.2 : 0.08;
        c.engagement = d.logNormal(medianLogins, 0.6);
        c.appUser = d.chance(age < 55 ? 0.8 : 0.35);
        c.gambler = d.chance(0.025 * (age < 35 ? 2 : 1) * (c.incomeBand == IncomeBand.LOW ? 1.4 : 1));
        Holdings.housing(c, d, age);
        c.debitDays = MonthlyDebits.schedule(c);
        if (!joining) {
            Holdings.initial(c, d, asOfDay, age);
            Churn.seedUnderway(c, d, asOfDay);
            HomeBuying.seedUnderway(c, d, asOfDay);
        }
        return c;
    }

    private static Employment employment(Dice d, int age) {
        double u = d.uniform();
        if (age < 25) {
            return u < 0.55 ? Employment.STUDENT : u < 0.91 ? Employment.EMPLOYED : u < 0.98 ? Employment.UNEMPLOYED
                    : Employment.SELF_EMPLOYED;
        }
        if (age < 30) {
            return u < 0.06 ? Employment.STUDENT : u < 0.86 ? Employment.EMPLOYED : u < 0.94 ? Employment.SELF_EMPLOYED
                    : Employment.UNEMPLOYED;
        }
        if (age < 67) {
            return u < 0.78 ? Employment.EMPLOYED : u < 0.91 ? Employment.SELF_EMPLOYED : u < 0.97 ? Employment.UNEMPLOYED
                    : Employment.RETIRED;
        }
        return u < 0.96 ? Employment.RETIRED : u < 0.98 ? Employment.SELF_EMPLOYED : Employment.EMPLOYED;
    }

    private static IncomeBand incomeBand(Dice d, Employment employment, int age) {
        double u = d.uniform();
        return switch (employment) {
            case STUDENT -> IncomeBand.LOW;
            case UNEMPLOYED -> u < 0.9 ? IncomeBand.LOW : IncomeBand.MIDDLE;
            case RETIRED -> band(u, 0.38, 0.80, 0.95);
            case EMPLOYED, SELF_EMPLOYED -> age < 30 ? band(u, 0.35, 0.83, 0.97) : band(u, 0.20, 0.65, 0.90);
        };
    }

    private static IncomeBand band(double u, double low, double middle, double high) {
        return u < low ? IncomeBand.LOW : u < middle ? IncomeBand.MIDDLE : u < high ? IncomeBand.HIGH : IncomeBand.VERY_HIGH;
    }

    /** Net monthly income in cents. */
    private static long monthlyIncome(Dice d, Employment employment, IncomeBand band) {
        double euros = switch (band) {
            case LOW -> switch (employment) {
                case STUDENT -> d.between(700, 1400);
                case UNEMPLOYED -> d.between(1100, 1500);
                case RETIRED -> d.between(1250, 1900);
                case EMPLOYED, SELF_EMPLOYED -> d.between(1400, 2200);
            };
            case MIDDLE -> d.between(2200, 3600);
            case HIGH -> d.between(3600, 6000);
            case VERY_HIGH -> 6000 * StrictMath.exp(d.between(0, 0.77));
        };
        return Math.round(euros) * 100;
    }

    private static Segment segment(Dice d, Employment employment, IncomeBand band, int age) {
        if (employment == Employment.STUDENT) {
            return Segment.STUDENT;
        }
        if (age >= 67) {
            return Segment.SENIOR;
        }
        if (band == IncomeBand.VERY_HIGH || band == IncomeBand.HIGH && d.chance(0.35)) {
            return Segment.AFFLUENT;
        }
        return Segment.MASS;
    }

    private static int household(Dice d, Employment employment, int age) {
        if (employment == Employment.STUDENT) {
            return d.chance(0.6) ? 1 : d.inclusive(3, 5);
        }
        if (age >= 67) {
            return d.chance(0.45) ? 1 : d.chance(0.9) ? 2 : 3;
        }
        int size = d.pick(HOUSEHOLDS) + 1;
        return size == 7 ? d.inclusive(7, 9) : size;
    }
}
