package io.assay.banksim;

import java.time.LocalDate;

/** Told after each day folder is published, e.g. to move a progress bar. */
@FunctionalInterface
public interface DayListener {
    /**
     * @param day the business date just published
     * @param dayIndex its zero-based position in the run
     * @param totalDays the number of days the run writes
     * @param rowsSoFar rows written over all files and days so far, this day included
     */
    void dayWritten(LocalDate day, int dayIndex, int totalDays, long rowsSoFar);
}
