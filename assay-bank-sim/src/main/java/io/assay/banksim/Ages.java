package io.assay.banksim;

import java.time.LocalDate;

/** Whole years between epoch days, as an age or a tenure is counted. */
final class Ages {
    private Ages() {
    }

    static int yearsBetween(int fromDay, int toDay) {
        return monthsBetween(fromDay, toDay) / 12;
    }

    static int monthsBetween(int fromDay, int toDay) {
        LocalDate from = LocalDate.ofEpochDay(fromDay);
        LocalDate to = LocalDate.ofEpochDay(toDay);
        int months = (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue();
        if (to.getDayOfMonth() < from.getDayOfMonth()) {
            months--;
        }
        return Math.max(0, months);
    }
}
