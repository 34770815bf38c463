package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.data.DurableFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest as a separate process, killed with SIGKILL at different moments: afterwards there is no
 * snapshot or a complete one (its content matches its manifest), and the rerun succeeds. Also a
 * batch larger than the JVM's heap, which only streaming can ingest.
 */
class IngestCrashIT {
    private static final String HEADER = "transaction_id,account_id,customer_id,booking_date,amount,currency,category,channel,"
            + "counterparty_iban,description";

    @TempDir
    Path work;

    @Test
    void a_killed_ingest_leaves_no_snapshot_or_a_complete_one_and_the_rerun_succeeds() throws Exception {
        Path batch = batch(work.resolve("2026-11-27/transactions.csv"), 800_000);
        int killed = 0;
        for (long delayMillis : List.of(1_200L, 2_200L, 3_200L, 4_200L)) {
            Path home = steward(work.resolve("home-" + delayMillis));
            Process ingest = Launcher.builder(home, Map.of(), "--as", "sam", "data", "ingest", batch.toString(), "--table", "transactions",
                    "--date", "2026-11-27").redirectErrorStream(true).redirectOutput(work.resolve("log-" + delayMillis).toFile()).start();
            boolean finished = ingest.waitFor(delayMillis, TimeUnit.MILLISECONDS);
            if (!finished) {
                ingest.destroyForcibly().waitFor();
                killed++;
            }
            assertNoPartialSnapshot(home);

            Launcher.Result rerun = Launcher.run(home, Map.of(), 300, "--as", "sam", "--json", "data", "ingest", batch.toString(),
                    "--table", "transactions", "--date", "2026-11-27");
            assertThat(rerun.exitCode()).as(rerun.err()).isZero();
            assertThat(Output.JSON.readTree(rerun.out()).path("outcome").asText()).isIn("PUBLISHED", "RECOVERED", "ALREADY_INGESTED");
            JsonNode snapshots = Output.JSON.readTree(Launcher.run(home, Map.of(), 120, "--as", "sam", "--json", "data", "snapshots").out());
            assertThat(snapshots.path("snapshots")).hasSize(1);
            assertThat(snapshots.path("snapshots").get(0).path("rows").asLong()).isEqualTo(800_000);
            assertNoPartialSnapshot(home);
        }
        assertThat(killed).as("ingests killed before they finished").isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_batch_larger_than_the_heap_is_streamed() throws Exception {
        Path batch = batch(work.resolve("2026-11-27/transactions.csv"), 1_200_000);
        assertThat(Files.size(batch)).isGreaterThan(96L << 20);

        Launcher.Result ingest = Launcher.run(steward(work.resolve("home")), Map.of("ASSAY_JAVA_OPTS", "-Xmx96m"), 600, "--as", "sam", "--json",
                "data", "ingest", batch.toString(), "--table", "transactions", "--date", "2026-11-27");

        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(Output.JSON.readTree(ingest.out()).path("snapshot").path("rows").asLong()).isEqualTo(1_200_000);
    }

    /**
     * Wide rows (long non-ASCII descriptions) and a new customer and IBAN on every row, checked on
     * four threads: chunks in flight and token caches must stay bounded too, not only the file.
     */
    @Test
    void a_wide_batch_naming_a_new_customer_on_every_row_is_streamed_on_four_checkers() throws Exception {
        Path batch = work.resolve("2026-11-27/wide.csv");
        String description = "Café € ".repeat(64);
        Files.createDirectories(batch.getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(batch)) {
            writer.write(HEADER);
            writer.write('\n');
            for (int i = 1; i <= 200_000; i++) {
                writer.write(String.format("T%012d,A%09d,C%08d,2026-11-27,-%d.%02d,EUR,GROCERIES,CARD,NL%02dABNA%010d,%s%d%n",
                        i, i, i, i % 300, i % 100, i % 100, i, description, i % 9000));
            }
        }
        assertThat(Files.size(batch)).isGreaterThan(96L << 20);

        Launcher.Result ingest = Launcher.run(steward(work.resolve("home")), Map.of("ASSAY_JAVA_OPTS", "-Xmx96m -XX:ActiveProcessorCount=4"),
                600, "--as", "sam", "--json", "data", "ingest", batch.toString(), "--table", "transactions", "--date", "2026-11-27");

        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(Output.JSON.readTree(ingest.out()).path("snapshot").path("rows").asLong()).isEqualTo(200_000);
    }

    /** A home whose data steward sam ingests (admin, its first user, adds sam). */
    private static Path steward(Path home) throws Exception {
        Launcher.Result added = Launcher.run(home, Map.of(), 120, "--as", "admin", "users", "add", "sam", "--roles", "DATA_STEWARD");
        assertThat(added.exitCode()).as(added.err()).isZero();
        return home;
    }

    /** Every snapshot folder is complete: a manifest, and data whose SHA-256 is the manifest's. */
    private static void assertNoPartialSnapshot(Path home) throws Exception {
        Path snapshots = home.resolve("data/snapshots");
        if (!Files.exists(snapshots)) {
            return;
        }
        try (Stream<Path> manifests = Files.walk(snapshots)) {
            for (Path folder : manifests.filter(p -> p.getNameCount() - snapshots.getNameCount() == 3).toList()) {
                JsonNode manifest = Output.JSON.readTree(folder.resolve("manifest.json").toFile());
                assertThat(DurableFiles.sha256(folder.resolve("data.parquet"))).isEqualTo(manifest.path("content_sha256").asText());
            }
        }
    }

    private static Path batch(Path file, int rows) throws Exception {
        Files.createDirectories(file.getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            writer.write(HEADER);
            writer.write('\n');
            for (int i = 1; i <= rows; i++) {
                writer.write(String.format("T%012d,A%09d,C%08d,2026-11-27,-%d.%02d,EUR,GROCERIES,CARD,,Albert Heijn %d Utrecht branch%n",
                        i, i % 50_000, i % 20_000, i % 300, i % 100, i % 9000));
            }
        }
        return file;
    }
}
