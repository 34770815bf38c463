package io.assay.bench;

import io.assay.banksim.BankSimulator;
import io.assay.banksim.SimulationConfig;
import io.assay.banksim.SimulationSummary;
import io.assay.data.DurableFiles;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The data environment's figures, each beside its peer measured in the same run: the simulator's
 * rows per second; ingest of 1M transactions (contract, pseudonymisation, quarantine, Parquet)
 * beside a bare DuckDB COPY of the same CSV to Parquet; and ingest's peak memory in a small-heap
 * child JVM at two batch sizes.
 */
final class DataBenchmark {
    /**
     * Ingests before the measured ones: the JIT keeps compiling the ingest path for a few runs,
     * and the figure is the steady throughput of a long-running process; the warm-ups are printed.
     */
    private static final int WARM_UPS = 3;

    private DataBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = intArgument(args, "--rows", 1_000_000);
        int runs = intArgument(args, "--runs", 5);
        Path work = Files.createTempDirectory("assay-bench-");
        try {
            System.out.printf("Assay data benchmarks — %d cores, Java %s, %s%n%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), LocalDate.now());
            Path lastDay = simulator(work, 3);
            Path batch = work.resolve("transactions-" + rows + ".csv");
            LocalDate date = LocalDate.parse(lastDay.getFileName().toString());
            long written = replicate(lastDay.resolve("transactions.csv"), batch, rows);
            System.out.printf("%nbatch: %,d transactions, %,d MB of CSV, business date %s%n", written,
                    Files.size(batch) >> 20, date);
            ingestBesideCopy(work, batch, date, runs, written);
            memory(work, batch, date, rows);
        } finally {
            DurableFiles.deleteRecursively(work);
        }
    }

    private static Path simulator(Path work, int runs) throws Exception {
        SimulationConfig config = SimulationConfig.defaults().withCustomers(20_000).withDays(20);
        List<Long> counted = new ArrayList<>();
        Path out = work.resolve("bank");
        Timing timing = Timing.measure(runs, () -> {
            DurableFiles.deleteRecursively(out);
            SimulationSummary summary = new BankSimulator().run(config, out, (day, index, total, soFar) -> { });
            counted.add(summary.rowsPerTable().values().stream().mapToLong(Long::longValue).sum());
        });
        long rows = counted.get(0);
        System.out.printf("simulator   20,000 customers x 20 days = %,d rows: %s -> %,.0f rows/s%n", rows, timing,
                rows / timing.median());
        try (var days = Files.list(out)) {
            return days.filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static void ingestBesideCopy(Path work, Path batch, LocalDate date, int runs, long rows) throws Exception {
        Timing ingest = new Timing();
        Timing copy = new Timing();
        Timing warmUps = new Timing();
        for (int i = 0; i < WARM_UPS; i++) {
            Path home = work.resolve("warm-up-" + i);
            warmUps.add(() -> IngestOnce.ingest(home, batch, date));
            DurableFiles.deleteRecursively(home);
        }
        for (int i = 0; i < runs; i++) {
            Path home = work.resolve("home-" + i);
            ingest.add(() -> IngestOnce.ingest(home, batch, date));
            DurableFiles.deleteRecursively(home);
            Path parquet = work.resolve("copy-" + i + ".parquet");
            copy.add(() -> bareCopy(batch, parquet));
            Files.deleteIfExists(parquet);
        }
        System.out.printf("ingest      %s -> %,.0f rows/s (contract, pseudonymisation, quarantine, Parquet, manifest)%n",
                ingest, rows / ingest.median());
        System.out.printf("peer        bare DuckDB COPY read_csv -> Parquet (zstd): %s -> %,.0f rows/s%n", copy,
                rows / copy.median());
        System.out.printf("ratio       ingest / bare copy = %.2f (goal: at most 2.0)%n", ingest.median() / copy.median());
        System.out.printf("warm-up     the %d ingests before, in this JVM: %s (the first pays for class loading and the JIT)%n",
                WARM_UPS, warmUps.runs());
    }

    private static void bareCopy(Path csv, Path parquet) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '" + parquet
                    + "' (FORMAT parquet, COMPRESSION zstd)");
        }
    }

    /**
     * Peak memory (RSS) of ingest in a child JVM with a small heap, for the batch and for a batch
     * four times its size: it is bounded by the heap plus DuckDB's memory limit, not by the batch.
     */
    private static void memory(Path work, Path batch, LocalDate date, int rows) throws Exception {
        Path larger = work.resolve("larger.csv");
        replicate(batch, larger, rows * 4);
        System.out.printf("memory      child JVM -Xmx192m: %,d rows peak RSS %s; %,d rows peak RSS %s%n", rows,
                IngestOnce.inChild(work.resolve("child-a"), batch, date), rows * 4,
                IngestOnce.inChild(work.resolve("child-b"), larger, date));
        Files.deleteIfExists(larger);
    }

    /** Writes a batch of {@code rows} rows by repeating {@code source}'s rows with fresh transaction ids. */
    static long replicate(Path source, Path target, int rows) throws IOException {
        List<String> lines = new ArrayList<>();
        String header;
        try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            header = reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        long written = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            writer.write(header);
            writer.write('\n');
            for (int i = 0; written < rows; i = (i + 1) % lines.size()) {
                String line = lines.get(i);
                writer.write(String.format("T%012d", written + 1));
                writer.write(line, line.indexOf(','), line.length() - line.indexOf(','));
                writer.write('\n');
                written++;
            }
        }
        return written;
    }

    static String stringArgument(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static int intArgument(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArgument(args, name, Integer.toString(fallback)));
    }
}
