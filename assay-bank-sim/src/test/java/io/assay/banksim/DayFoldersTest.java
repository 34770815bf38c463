package io.assay.banksim;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Day folders appear whole or not at all, and a run never overwrites what it did not write. */
class DayFoldersTest {
    private static final SimulationConfig TINY = SimulationConfig.defaults().withCustomers(50).withDays(3);

    @Test
    void each_day_is_published_as_a_complete_folder_named_for_its_date() throws IOException {
        Path folder = Runs.newFolder();
        List<String> told = new ArrayList<>();
        SimulationSummary summary = new BankSimulator().run(TINY, folder,
                (day, index, total, rows) -> told.add(day + " " + index + "/" + total + " " + rows));
        try (Stream<Path> entries = Files.list(folder)) {
            assertThat(entries.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly("2026-07-01", "2026-07-02", "2026-07-03", "ground-truth.csv");
        }
        try (Stream<Path> files = Files.list(folder.resolve("2026-07-02"))) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted()).containsExactly("accounts.csv",
                    "customers.csv", "digital_events.csv", "extract.json", "products.csv", "transactions.csv");
        }
        assertThat(told).hasSize(3);
        assertThat(told.get(0)).startsWith("2026-07-01 0/3 ");
        assertThat(told.get(2)).isEqualTo("2026-07-03 2/3 " + summary.totalRows());
        assertThat(summary.daysWritten()).isEqualTo(3);
        assertThat(summary.firstDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(summary.lastDate()).isEqualTo(LocalDate.of(2026, 7, 3));
    }

    @Test
    void a_leftover_partial_folder_from_a_crash_is_replaced() throws IOException {
        Path folder = Runs.newFolder();
        Path partial = Files.createDirectories(folder.resolve(".2026-07-01.partial"));
        Files.writeString(partial.resolve("transactions.csv"), "half a file");
        new BankSimulator().run(TINY, folder, (day, index, total, rows) -> { });
        assertThat(partial).doesNotExist();
        assertThat(Files.readString(folder.resolve("2026-07-01/transactions.csv"))).startsWith("transaction_id,");
    }

    @Test
    void an_out_dir_that_is_a_file_is_refused_by_name() throws IOException {
        Path file = Files.writeString(Runs.newFolder().resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> new BankSimulator().run(TINY, file, (day, index, total, rows) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is a file");
    }

    @Test
    void a_missing_out_dir_is_created() {
        Path folder = Runs.newFolder().resolve("nested/extract");
        new BankSimulator().run(TINY, folder, (day, index, total, rows) -> { });
        assertThat(folder.resolve("2026-07-03/extract.json")).isRegularFile();
    }

    @Test
    void days_written_by_another_simulation_are_refused_and_left_as_they_were() {
        Path folder = Runs.newFolder();
        new BankSimulator().run(TINY, folder, (day, index, total, rows) -> { });
        Map<String, String> before = Hashes.of(folder);
        assertThatThrownBy(() -> new BankSimulator().run(TINY.withSeed(99), folder, (day, index, total, rows) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-07-01")
                .hasMessageContaining("another simulation");
        assertThat(Hashes.of(folder)).isEqualTo(before);
    }

    @Test
    void a_day_folder_the_simulator_did_not_write_is_refused() throws IOException {
        Path folder = Runs.newFolder();
        Files.createDirectories(folder.resolve("2026-07-02"));
        Files.writeString(folder.resolve("2026-07-02/transactions.csv"), "the bank's real data");
        assertThatThrownBy(() -> new BankSimulator().run(TINY, folder, (day, index, total, rows) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-07-02");
        assertThat(folder.resolve("2026-07-01")).doesNotExist();
        assertThat(Files.readString(folder.resolve("2026-07-02/transactions.csv"))).isEqualTo("the bank's real data");
    }

    @Test
    void a_missing_argument_is_named() {
        BankSimulator simulator = new BankSimulator();
        Path folder = Runs.newFolder();
        assertThatThrownBy(() -> simulator.run(null, folder, (day, index, total, rows) -> { }))
                .hasMessage("config is null");
        assertThatThrownBy(() -> simulator.run(TINY, null, (day, index, total, rows) -> { }))
                .hasMessage("outDir is null");
        assertThatThrownBy(() -> simulator.run(TINY, folder, null))
                .hasMessage("listener is null");
    }
}
