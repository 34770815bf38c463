package io.assay.banksim;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a run wrote, and what the simulator knows from its hidden state. The outcome counts are
 * for tests and the demo's story; they are never written into the extract, where a model has to
 * find them from the rows.
 *
 * @param daysWritten day folders published
 * @param firstDate the first business date written
 * @param lastDate the last business date written
 * @param rowsPerTable data rows per file over all days, keyed by file base name in extract order
 *                     ({@code customers}, {@code accounts}, {@code transactions}, {@code products},
 *                     {@code digital_events})
 * @param badRowsByKind rows broken on purpose, per kind (every kind listed, zero included)
 * @param customersAtStart customers on the first day
 * @param customersJoined customers who joined the bank during the run
 * @param customersChurned customers who left during the run: closed everything, or went dormant
 * @param customersClosed of those, the ones who closed every product
 * @param mortgagesTaken mortgages opened during the run
 * @param customersBelowZero customers whose current account ended at least one day below zero
 */
public record SimulationSummary(
        int daysWritten,
        LocalDate firstDate,
        LocalDate lastDate,
        Map<String, Long> rowsPerTable,
        Map<String, Long> badRowsByKind,
        long customersAtStart,
        long customersJoined,
        long customersChurned,
        long customersClosed,
        long mortgagesTaken,
        long customersBelowZero) {

    public SimulationSummary {
        requireNonNull(firstDate, "firstDate is null");
        requireNonNull(lastDate, "lastDate is null");
        // Copied in order (not Map.copyOf) so that printing a summary is as deterministic as the files.
        rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(rowsPerTable, "rowsPerTable is null")));
        badRowsByKind = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(badRowsByKind, "badRowsByKind is null")));
        if (daysWritten < 1) {
            throw new IllegalArgumentException("daysWritten must be at least 1, not " + daysWritten);
        }
        if (lastDate.isBefore(firstDate)) {
            throw new IllegalArgumentException("lastDate " + lastDate + " is before firstDate " + firstDate);
        }
        if (customersClosed > customersChurned) {
            throw new IllegalArgumentException("customersClosed " + customersClosed + " exceeds customersChurned "
                    + customersChurned);
        }
    }

    /** Rows over all files and days. */
    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Bad rows over all kinds. */
    public long totalBadRows() {
        return badRowsByKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
