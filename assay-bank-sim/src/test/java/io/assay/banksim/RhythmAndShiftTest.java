package io.assay.banksim;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar shows in the data, and so does the shift — only when there is one. */
class RhythmAndShiftTest {
    /** Days 19..27 of the run are 20–28 July, before the shift; days 81..89 are 20–28 September, after it. */
    private static final int JULY_PAYDAYS = 19;
    private static final int SEPTEMBER_PAYDAYS = 81;
    private static final int PAYDAY_WINDOW = 9;

    private final History shifted = History.of(Runs.of(Runs.STANDARD));
    private final History unshifted = History.of(Runs.of(Runs.UNSHIFTED));

    @Test
    void most_salaries_are_paid_between_the_20th_and_the_28th() {
        long all = Arrays.stream(unshifted.salaryBookingsByDayOfMonth).sum();
        long late = Arrays.stream(unshifted.salaryBookingsByDayOfMonth, 20, 29).sum();
        assertThat((double) late / all).isGreaterThan(0.9);
    }

    @Test
    void no_salary_is_booked_on_a_weekend() {
        Runs.Run run = Runs.of(Runs.UNSHIFTED);
        for (int day = 0; day < unshifted.days; day++) {
            DayOfWeek weekday = run.config().startDate().plusDays(day).getDayOfWeek();
            if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                assertThat(unshifted.salaryBookingsPerDay[day]).as("day %d, a %s", day, weekday).isZero();
            }
        }
    }

    @Test
    void after_the_shift_fewer_salaries_are_booked_as_salary_and_more_arrive_as_transfers() {
        double salaryChange = (double) paydays(shifted.salaryBookingsPerDay, SEPTEMBER_PAYDAYS)
                / paydays(shifted.salaryBookingsPerDay, JULY_PAYDAYS);
        double transferChange = (double) paydays(shifted.largeTransfersInPerDay, SEPTEMBER_PAYDAYS)
                / paydays(shifted.largeTransfersInPerDay, JULY_PAYDAYS);
        assertThat(salaryChange).isLessThan(0.6);
        assertThat(transferChange).isGreaterThan(2);
    }

    @Test
    void without_a_shift_salaries_stay_salaries() {
        double salaryChange = (double) paydays(unshifted.salaryBookingsPerDay, SEPTEMBER_PAYDAYS)
                / paydays(unshifted.salaryBookingsPerDay, JULY_PAYDAYS);
        double transferChange = (double) paydays(unshifted.largeTransfersInPerDay, SEPTEMBER_PAYDAYS)
                / paydays(unshifted.largeTransfersInPerDay, JULY_PAYDAYS);
        assertThat(salaryChange).isBetween(0.85, 1.15);
        assertThat(transferChange).isBetween(0.6, 1.6);
    }

    @Test
    void after_the_shift_a_grocery_trip_costs_more() {
        assertThat(groceryPriceChange(shifted)).isGreaterThan(1.1);
    }

    @Test
    void without_a_shift_grocery_prices_hold() {
        assertThat(groceryPriceChange(unshifted)).isBetween(0.97, 1.03);
    }

    @Test
    void before_the_shift_day_both_banks_are_the_same_bank() {
        int shiftDay = Runs.STANDARD.shiftDay() - 1;
        assertThat(Arrays.copyOf(shifted.salaryBookingsPerDay, shiftDay))
                .isEqualTo(Arrays.copyOf(unshifted.salaryBookingsPerDay, shiftDay));
        assertThat(Arrays.copyOf(shifted.groceryCentsPerDay, shiftDay))
                .isEqualTo(Arrays.copyOf(unshifted.groceryCentsPerDay, shiftDay));
    }

    /** Mean grocery booking after the shift day over the mean before it. */
    private static double groceryPriceChange(History history) {
        int shiftDay = Runs.STANDARD.shiftDay() - 1;
        double before = (double) Arrays.stream(history.groceryCentsPerDay, 0, shiftDay).sum()
                / Arrays.stream(history.groceryBookingsPerDay, 0, shiftDay).sum();
        double after = (double) Arrays.stream(history.groceryCentsPerDay, shiftDay, history.days).sum()
                / Arrays.stream(history.groceryBookingsPerDay, shiftDay, history.days).sum();
        return after / before;
    }

    private static long paydays(long[] perDay, int from) {
        return Arrays.stream(perDay, from, from + PAYDAY_WINDOW).sum();
    }
}
