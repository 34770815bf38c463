package io.assay.banksim;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same config writes the same bytes, so that every figure built on the extract can be reproduced. */
class DeterminismTest {
    private static final SimulationConfig SMALL = SimulationConfig.defaults().withCustomers(300).withDays(30)
            .withShiftDay(20).withBadRowRate(0.01);

    @Test
    void same_seed_writes_identical_files() {
        Map<String, String> first = Hashes.of(run(SMALL, Runs.newFolder()));
        Map<String, String> second = Hashes.of(run(SMALL, Runs.newFolder()));
        // six files a day, and the run's ground truth beside the day folders
        assertThat(first).hasSize(30 * 6 + 1).isEqualTo(second);
    }

    @Test
    void a_different_seed_writes_different_files() {
        Map<String, String> first = Hashes.of(run(SMALL, Runs.newFolder()));
        Map<String, String> other = Hashes.of(run(SMALL.withSeed(8), Runs.newFolder()));
        assertThat(other.keySet()).isEqualTo(first.keySet());
        // A quiet day's customers.csv can be a bare header either way; the daily files always differ.
        first.keySet().stream().filter(file -> !file.endsWith("customers.csv") && !file.endsWith("products.csv"))
                .forEach(file -> assertThat(other.get(file)).as(file).isNotEqualTo(first.get(file)));
    }

    @Test
    void running_again_into_the_same_folder_replaces_the_days_with_identical_ones() {
        Path folder = Runs.newFolder();
        Map<String, String> first = Hashes.of(run(SMALL, folder));
        Map<String, String> again = Hashes.of(run(SMALL, folder));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void a_longer_run_begins_with_the_days_of_a_shorter_one() {
        SimulationConfig unshifted = SMALL.withShiftDay(0);
        Path shorterFolder = run(unshifted.withDays(10), Runs.newFolder());
        Path longerFolder = run(unshifted, Runs.newFolder());
        Map<String, String> shorter = Hashes.of(shorterFolder);
        Map<String, String> longer = Hashes.of(longerFolder);
        shorter.keySet().stream().filter(file -> !file.equals("ground-truth.csv"))
                .forEach(file -> assertThat(longer.get(file)).as(file).isEqualTo(shorter.get(file)));
        // What happened in the first ten days happened the same way in the longer run.
        assertThat(read(longerFolder.resolve("ground-truth.csv"))).startsWith(read(shorterFolder.resolve("ground-truth.csv")));
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path run(SimulationConfig config, Path folder) {
        new BankSimulator().run(config, folder, (day, index, total, rows) -> { });
        return folder;
    }
}
