package io.assay.data.features;

import io.assay.banksim.BankSimulator;
import io.assay.banksim.SimulationConfig;
import io.assay.banksim.SimulationSummary;
import io.assay.core.common.IdSource;
import io.assay.data.DataEnvironment;
import io.assay.data.DataLayout;
import io.assay.testing.InMemoryDataCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A simulated bank ingested whole into a fresh home, with a data scientist granted every table: shared by the feature tests. */
public final class SimulatedBank {
    public static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    public static final LocalDate START = LocalDate.of(2026, 3, 1);

    public final Path home;
    public final Path extract;
    public final SimulationSummary summary;
    public final InMemoryDataCatalog catalog = new InMemoryDataCatalog();
    public final DataEnvironment data;

    public SimulatedBank(Path root, int customers, int days) {
        this.home = root.resolve("home");
        this.extract = root.resolve("extract");
        // No bad rows: a quarantined balance row would make the data disagree with the truth on purpose.
        SimulationConfig config = SimulationConfig.defaults().withCustomers(customers).withDays(days).withStartDate(START)
                .withShiftDay(0).withBadRowRate(0);
        this.summary = new BankSimulator().run(config, extract, (day, index, total, rows) -> { });
        Clock clock = Clock.fixed(START.plusDays(days + 1).atTime(8, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        this.data = new DataEnvironment(new DataLayout(home), catalog, io.assay.testing.DataFixtures.people(), catalog.audit(), clock,
                IdSource.sequential(), Optional.of(KEY));
        for (Path day : dayFolders()) {
            for (String table : List.of("customers", "accounts", "products", "transactions", "digital_events")) {
                data.ingest("robot", day.resolve(table + ".csv"), table, LocalDate.parse(day.getFileName().toString()), Optional.empty());
            }
        }
        data.access().grant("dana", "feature tests", List.of("customers", "accounts", "products", "transactions", "digital_events"),
                LocalDate.now(clock).plusDays(30), "sam");
    }

    public LocalDate lastDay() {
        return summary.lastDate();
    }

    private List<Path> dayFolders() {
        try (Stream<Path> folders = Files.list(extract)) {
            return folders.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
