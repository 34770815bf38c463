package io.assay.banksim;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * What to simulate. The same config writes byte-identical files.
 *
 * @param customers customers at the start (1..10,000,000); the bank also wins new ones as it goes
 * @param days business days to write (1..3650), one folder each, starting at {@code startDate}
 * @param seed the seed every random choice derives from
 * @param startDate the first business date
 * @param shiftDay the 1-based day from which {@code shift} holds (1..days), or 0 for never
 * @param shift what changes on the shift day
 * @param badRowRate the share of rows broken on purpose (0..0.5)
 */
public record SimulationConfig(int customers, int days, long seed, LocalDate startDate, int shiftDay, Shift shift,
                               double badRowRate) {
    public static final int MAX_CUSTOMERS = 10_000_000;
    public static final int MAX_DAYS = 3650;
    public static final double MAX_BAD_ROW_RATE = 0.5;

    public SimulationConfig {
        requireNonNull(startDate, "startDate is null");
        requireNonNull(shift, "shift is null");
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers must be 1.." + MAX_CUSTOMERS + ", not " + customers);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1.." + MAX_DAYS + ", not " + days);
        }
        if (shiftDay < 0 || shiftDay > days) {
            throw new IllegalArgumentException("shiftDay must be 1.." + days + " (the days simulated) or 0 for no shift, not "
                    + shiftDay);
        }
        // Written as a negated range so that NaN is rejected too.
        if (!(badRowRate >= 0 && badRowRate <= MAX_BAD_ROW_RATE)) {
            throw new IllegalArgumentException("badRowRate must be 0.." + MAX_BAD_ROW_RATE + ", not " + badRowRate);
        }
        if (startDate.getYear() < 1950 || startDate.plusDays(days).getYear() > 2200) {
            throw new IllegalArgumentException("startDate must lie between 1950 and 2200 with its days, not " + startDate);
        }
    }

    /** 5,000 customers over 90 days from 2026-07-01, seed 7, inflation and salary taxonomy shift on day 60, 0.2 % bad rows. */
    public static SimulationConfig defaults() {
        return new SimulationConfig(5000, 90, 7, LocalDate.of(2026, 7, 1), 60, Shift.INFLATION_AND_SALARY_TAXONOMY, 0.002);
    }

    /** The date of the last day written. */
    public LocalDate endDate() {
        return startDate.plusDays(days - 1L);
    }

    /** Whether the shift holds on the given zero-based day. */
    boolean shiftHoldsOn(int dayIndex) {
        return shiftDay > 0 && dayIndex + 1 >= shiftDay;
    }

    public SimulationConfig withCustomers(int customers) {
        return new SimulationConfig(customers, days, seed, startDate, shiftDay, shift, badRowRate);
    }

    /**
     * A run of another length. A shift day beyond the new length moves to its last day, so that
     * {@code defaults().withDays(30)} still shows the shift; set {@link #withShiftDay} after this
     * to place it elsewhere.
     */
    public SimulationConfig withDays(int days) {
        int keptShiftDay = days >= 1 ? Math.min(shiftDay, days) : shiftDay;
        return new SimulationConfig(customers, days, seed, startDate, keptShiftDay, shift, badRowRate);
    }

    public SimulationConfig withSeed(long seed) {
        return new SimulationConfig(customers, days, seed, startDate, shiftDay, shift, badRowRate);
    }

    public SimulationConfig withStartDate(LocalDate startDate) {
        return new SimulationConfig(customers, days, seed, startDate, shiftDay, shift, badRowRate);
    }

    public SimulationConfig withShiftDay(int shiftDay) {
        return new SimulationConfig(customers, days, seed, startDate, shiftDay, shift, badRowRate);
    }

    public SimulationConfig withShift(Shift shift) {
        return new SimulationConfig(customers, days, seed, startDate, shiftDay, shift, badRowRate);
    }

    public SimulationConfig withBadRowRate(double badRowRate) {
        return new SimulationConfig(customers, days, seed, startDate, shiftDay, shift, badRowRate);
    }
}
