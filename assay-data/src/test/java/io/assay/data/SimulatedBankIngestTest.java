package io.assay.data;

import io.assay.banksim.BankSimulator;
import io.assay.banksim.SimulationConfig;
import io.assay.banksim.SimulationSummary;
import io.assay.core.common.IdSource;
import io.assay.core.data.Snapshot;
import io.assay.testing.InMemoryDataCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped contracts against the simulated bank's extracts: every file fits, and every injected fault is caught. */
class SimulatedBankIngestTest {
    @TempDir
    Path home;
    @TempDir
    Path extract;

    @Test
    void every_day_of_the_simulated_bank_is_published_and_its_bad_rows_are_quarantined() throws Exception {
        SimulationConfig config = SimulationConfig.defaults().withCustomers(800).withDays(12)
                .withStartDate(LocalDate.of(2026, 10, 1)).withShiftDay(6).withBadRowRate(0.01);
        SimulationSummary bank = new BankSimulator().run(config, extract, (day, index, total, rows) -> { });
        InMemoryDataCatalog catalog = new InMemoryDataCatalog();
        DataEnvironment data = new DataEnvironment(new DataLayout(home), catalog, io.assay.testing.DataFixtures.people(), catalog.audit(),
                Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC), IdSource.sequential(),
                Optional.of("ab".repeat(32)));

        List<Path> days;
        try (Stream<Path> folders = Files.list(extract)) {
            days = folders.filter(Files::isDirectory).sorted().toList();
        }
        for (Path day : days) {
            // Reference data first, as a day's extract is ingested.
            for (String table : List.of("customers", "accounts", "products", "transactions", "digital_events")) {
                data.ingest("robot", day.resolve(table + ".csv"), table, LocalDate.parse(day.getFileName().toString()), Optional.empty());
            }
        }

        List<Snapshot> snapshots = catalog.listSnapshots(Optional.empty());
        assertThat(snapshots).hasSize(12 * 5);
        Map<String, Long> quarantined = new TreeMap<>();
        snapshots.forEach(snapshot -> snapshot.quarantined().forEach((rule, n) -> quarantined.merge(rule, n, Long::sum)));
        long injected = bank.badRowsByKind().values().stream().mapToLong(Long::longValue).sum();
        long caught = quarantined.values().stream().mapToLong(Long::longValue).sum();
        assertThat(caught).as("quarantined %s for injected %s", quarantined, bank.badRowsByKind()).isEqualTo(injected);
        assertThat(quarantined).containsKeys("LEAKED_IDENTIFIER", "DUPLICATE_KEY", "INVALID_DATE", "UNKNOWN_CODE");
        long published = snapshots.stream().mapToLong(Snapshot::rowCount).sum();
        long written = bank.rowsPerTable().values().stream().mapToLong(Long::longValue).sum();
        assertThat(published + caught).isEqualTo(written);
    }
}
