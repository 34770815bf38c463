package io.assay.banksim;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The simulated bank. Writes one folder of nightly extract files per business day
 * (EXTRACT_FORMAT.md) from a population of customers whose hidden habits and intentions cause
 * what the files show: salaries and spending, overdrafts, departures, mortgages.
 *
 * <p>Memory holds one compact state object per customer and nothing per row: rows stream to
 * their files as they are made. The same config always writes byte-identical files.
 */
public final class BankSimulator {

    /**
     * Runs the simulation into {@code outDir}, publishing each day folder atomically and telling
     * {@code listener} after each one.
     *
     * @throws IllegalArgumentException when {@code outDir} is a file, cannot be created, or
     *                                  already holds day folders of a different simulation
     */
    public SimulationSummary run(SimulationConfig config, Path outDir, DayListener listener) {
        requireNonNull(config, "config is null");
        requireNonNull(outDir, "outDir is null");
        requireNonNull(listener, "listener is null");
        DayFolders folders = DayFolders.prepare(outDir, config);
        Population population = new Population(config);
        Outcomes outcomes = new Outcomes();
        outcomes.customersAtStart = population.size();
        BadRows badRows = new BadRows(config.seed(), config.badRowRate());
        Sequences sequences = new Sequences();
        long[] rowsPerTable = new long[Table.ALL.length];
        long rowsSoFar = 0;
        try (GroundTruth truth = new GroundTruth(outDir)) {
            for (int index = 0; index < config.days(); index++) {
                Today today = new Today(config, index);
                outcomes.customersJoined += population.acquire(today);
                Path partial = folders.startDay(today.date);
                Map<Table, DayFiles.Totals> totals;
                try (DayFiles files = new DayFiles(partial, today, badRows, sequences)) {
                    DayContext context = new DayContext(today, files, outcomes, config.seed(), truth);
                    for (int customer = 0; customer < population.size(); customer++) {
                        CustomerDay.play(population.get(customer), context);
                    }
                    totals = files.finish();
                } catch (RuntimeException | Error e) {
                    folders.abandon(partial);
                    throw e;
                }
                folders.publish(today.date, partial, totals);
                for (Map.Entry<Table, DayFiles.Totals> entry : totals.entrySet()) {
                    rowsPerTable[entry.getKey().ordinal()] += entry.getValue().rows();
                    rowsSoFar += entry.getValue().rows();
                }
                listener.dayWritten(today.date, index, config.days(), rowsSoFar);
            }
            truth.publish();
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Table table : Table.ALL) {
            rows.put(table.baseName, rowsPerTable[table.ordinal()]);
        }
        return new SimulationSummary(config.days(), config.startDate(), config.endDate(), rows, badRows.byKind(),
                outcomes.customersAtStart, outcomes.customersJoined, outcomes.customersClosed + outcomes.customersDormant,
                outcomes.customersClosed, outcomes.mortgagesTaken, outcomes.customersBelowZero);
    }
}
