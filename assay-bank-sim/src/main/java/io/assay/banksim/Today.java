package io.assay.banksim;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;

/**
 * The business day being simulated, with everything about the calendar that behaviour depends
 * on worked out once: which monthly payments fall due, how busy the shops are, whether the
 * shift holds.
 */
final class Today {
    /** Card and shop spending by day of week, Monday first: Friday and Saturday busy, Sunday quiet. */
    private static final double[] SPENDING_BY_WEEKDAY = {0.85, 0.9, 0.95, 1.0, 1.2, 1.45, 0.75};
    private static final double[] GROCERIES_BY_WEEKDAY = {0.85, 0.9, 0.95, 1.0, 1.25, 1.55, 0.55};
    /** Spending by month, January first: a thin January, summer holidays, a December peak. */
    private static final double[] SPENDING_BY_MONTH = {0.86, 0.9, 0.97, 1.0, 1.02, 1.03, 1.07, 1.05, 0.98, 1.0, 1.04, 1.18};

    final int index;
    final LocalDate date;
    final int epochDay;
    final Month month;
    final boolean weekend;
    final boolean lastOfMonth;
    final short monthDay;
    final boolean leapYear;
    /** Multiplier on discretionary card spending and transaction counts. */
    final double spending;
    /** Multiplier on the chance of a grocery trip. */
    final double groceryTrips;
    /** Price multipliers: 1 until inflation sets in. */
    final double groceryPrices;
    final double utilityPrices;
    final double cardPrices;
    /** Whether salaries of employers that switched payroll processor come in as transfers. */
    final boolean payrollMoved;
    final byte[] monthName;
    /** Bit n set when a debit on nominal day n is booked today. */
    final int debitMask;

    private final boolean[] creditDue = new boolean[32];
    private final boolean[] debitDue = new boolean[32];

    Today(SimulationConfig config, int index) {
        this.index = index;
        this.date = config.startDate().plusDays(index);
        this.epochDay = (int) date.toEpochDay();
        int dayOfMonth = date.getDayOfMonth();
        int lengthOfMonth = date.lengthOfMonth();
        this.month = date.getMonth();
        this.weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        this.lastOfMonth = dayOfMonth == lengthOfMonth;
        this.monthDay = (short) (date.getMonthValue() * 100 + dayOfMonth);
        this.leapYear = date.isLeapYear();
        int weekday = date.getDayOfWeek().getValue() - 1;
        this.spending = SPENDING_BY_WEEKDAY[weekday] * season(date);
        boolean christmasShopping = month == Month.DECEMBER && dayOfMonth >= 18 && dayOfMonth <= 24;
        this.groceryTrips = GROCERIES_BY_WEEKDAY[weekday] * (christmasShopping ? 1.3 : 1);
        boolean shifted = config.shiftHoldsOn(index);
        boolean inflation = shifted && config.shift().inflates();
        this.groceryPrices = inflation ? 1.16 : 1;
        this.utilityPrices = inflation ? 1.18 : 1;
        this.cardPrices = inflation ? 1.12 : 1;
        this.payrollMoved = shifted && config.shift().movesSalaries();
        String name = month.name().charAt(0) + month.name().substring(1).toLowerCase(Locale.ROOT);
        this.monthName = name.getBytes(StandardCharsets.US_ASCII);
        int mask = 0;
        for (int nominal = 1; nominal <= 31; nominal++) {
            int day = Math.min(nominal, lengthOfMonth);
            creditDue[nominal] = businessDayOnOrBefore(date.withDayOfMonth(day)).equals(date);
            debitDue[nominal] = businessDayOnOrAfter(date.withDayOfMonth(day)).equals(date);
            mask |= debitDue[nominal] ? 1 << nominal : 0;
        }
        this.debitMask = mask;
    }

    /**
     * Whether an incoming monthly payment (salary, pension, benefits) on the nominal day of the
     * month is booked today: payers bring it forward to Friday when the day falls in a weekend.
     */
    boolean creditDue(int nominalDay) {
        return creditDue[nominalDay];
    }

    /** Whether a monthly debit on the nominal day (1..26) is booked today: a weekend moves it to Monday. */
    boolean debitDue(int nominalDay) {
        return debitDue[nominalDay];
    }

    /** Whether today is the customer's birthday (29 February counts on 1 March in other years). */
    boolean isBirthday(Customer customer) {
        return customer.birthMonthDay == monthDay || customer.birthMonthDay == 229 && !leapYear && monthDay == 301;
    }

    private static double season(LocalDate date) {
        double factor = SPENDING_BY_MONTH[date.getMonthValue() - 1];
        int day = date.getDayOfMonth();
        if (date.getMonth() == Month.NOVEMBER && day >= 24) {
            factor *= 1.2;
        }
        if (date.getMonth() == Month.DECEMBER && day >= 15 && day <= 23) {
            factor *= 1.15;
        }
        if (date.getMonth() == Month.DECEMBER && (day == 25 || day == 26)) {
            factor *= 0.5;
        }
        return factor;
    }

    private static LocalDate businessDayOnOrBefore(LocalDate day) {
        LocalDate result = day;
        while (result.getDayOfWeek() == DayOfWeek.SATURDAY || result.getDayOfWeek() == DayOfWeek.SUNDAY) {
            result = result.minusDays(1);
        }
        return result;
    }

    private static LocalDate businessDayOnOrAfter(LocalDate day) {
        LocalDate result = day;
        while (result.getDayOfWeek() == DayOfWeek.SATURDAY || result.getDayOfWeek() == DayOfWeek.SUNDAY) {
            result = result.plusDays(1);
        }
        return result;
    }
}
