package io.assay.bench;

import io.assay.banksim.BankSimulator;
import io.assay.banksim.SimulationConfig;
import io.assay.banksim.SimulationSummary;
import io.assay.core.common.IdSource;
import io.assay.data.DataEnvironment;
import io.assay.data.DataLayout;
import io.assay.data.DurableFiles;
import io.assay.store.Database;
import io.assay.store.DatabaseConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Training-set builds against their peer, measured in the same run: the overdraft-40d training set
 * (five views, 56 features, three weekly as-of dates, population and 40-day labels) built by
 * Assay, beside the same features, population and labels inlined into one DuckDB statement over
 * the same Parquet files. Each run is a child JVM that reports its time and its peak memory (RSS),
 * at two sizes of the simulated bank, so growth in time and memory shows too.
 */
final class FeatureBenchmark {
    static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final int DAYS = 180;
    private static final int HORIZON = 40;

    private FeatureBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = DataBenchmark.intArgument(args, "--runs", 3);
        List<Integer> sizes = new ArrayList<>();
        for (String size : DataBenchmark.stringArgument(args, "--customers", "20000,100000").split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        // --work DIR keeps the simulated banks and their homes, and reuses them next time: ingesting 100,000 customers takes minutes.
        String kept = DataBenchmark.stringArgument(args, "--work", "");
        Path work = kept.isEmpty() ? Files.createTempDirectory("assay-bench-features-") : Files.createDirectories(Path.of(kept));
        try {
            System.out.printf("Assay feature benchmarks — %d cores, Java %s, %s; overdraft-40d training set, %d days%n%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), LocalDate.now(), DAYS);
            List<double[]> figures = new ArrayList<>();
            for (int customers : sizes) {
                figures.add(size(work, customers, runs));
            }
            if (figures.size() == 2) {
                double growth = figures.get(1)[0] / figures.get(0)[0];
                double peerGrowth = figures.get(1)[2] / figures.get(0)[2];
                System.out.printf("%ngrowth      %,d -> %,d customers (%.1fx): Assay %.2fx the time (goal <= %.1fx), peer %.2fx; "
                                + "peak RSS %,.0f -> %,.0f MB%n", sizes.get(0), sizes.get(1), (double) sizes.get(1) / sizes.get(0),
                        growth, 1.1 * sizes.get(1) / sizes.get(0), peerGrowth, figures.get(0)[1], figures.get(1)[1]);
            }
        } finally {
            if (kept.isEmpty()) {
                DurableFiles.deleteRecursively(work);
            }
        }
    }

    /** @return median Assay seconds, Assay peak RSS in MB, median peer seconds */
    private static double[] size(Path work, int customers, int runs) throws Exception {
        Path extract = work.resolve("bank-" + customers);
        Path home = work.resolve("home-" + customers);
        long start = System.nanoTime();
        SimulationConfig config = SimulationConfig.defaults().withCustomers(customers).withDays(DAYS)
                .withStartDate(LocalDate.now().minusDays(DAYS)).withShiftDay(0);
        Path done = work.resolve("ingested-" + customers + "-" + config.startDate());
        if (Files.exists(done)) {
            LocalDate last = config.endDate();
            System.out.printf("bank        %,d customers x %d days, simulated and ingested before (%s)%n", customers, DAYS, work);
            return measure(home, last, runs);
        }
        SimulationSummary bank = new BankSimulator().run(config, extract, (day, index, total, rows) -> { });
        double simulated = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        try (Database database = Database.open(DatabaseConfig.embedded(home))) {
            DataEnvironment data = new DataEnvironment(new DataLayout(home), database.dataCatalog(), io.assay.testing.DataFixtures.people(),
                    database.registryStore(), Clock.systemUTC(), IdSource.random(), Optional.of(KEY));
            try (var days = Files.list(extract)) {
                for (Path day : days.filter(Files::isDirectory).sorted().toList()) {
                    for (String table : List.of("customers", "accounts", "products", "transactions", "digital_events")) {
                        data.ingest("bench", day.resolve(table + ".csv"), table, LocalDate.parse(day.getFileName().toString()),
                                Optional.empty());
                    }
                }
            }
            data.access().grant("dana", "benchmark", List.of("customers", "accounts", "transactions", "products", "digital_events"),
                    LocalDate.now().plusDays(7), "bench");
        }
        System.out.printf("bank        %,d customers x %d days = %,d rows (simulated in %.0f s, ingested in %.0f s)%n", customers, DAYS,
                bank.totalRows(), simulated, (System.nanoTime() - start) / 1e9);
        Files.writeString(done, "");
        return measure(home, bank.lastDate(), runs);
    }

    private static double[] measure(Path home, LocalDate lastDay, int runs) throws Exception {
        LocalDate latest = lastDay.minusDays(HORIZON);
        String asOfs = latest.minusDays(14) + "," + latest.minusDays(7) + "," + latest;
        Timing assay = new Timing();
        Timing peer = new Timing();
        long assayPeak = 0;
        long peerPeak = 0;
        String assayRows = "";
        String peerRows = "";
        for (int run = 0; run < runs; run++) {
            TrainsetOnce.Outcome ours = TrainsetOnce.inChild("trainset-once", home, asOfs);
            TrainsetOnce.Outcome theirs = TrainsetOnce.inChild("peer-once", home, asOfs);
            assay.add(ours.seconds());
            peer.add(theirs.seconds());
            assayPeak = Math.max(assayPeak, ours.peakKb());
            peerPeak = Math.max(peerPeak, theirs.peakKb());
            assayRows = ours.rows();
            peerRows = theirs.rows();
        }
        System.out.printf("  Assay     trainset build: %s, peak RSS %,d MB; %s%n", assay, assayPeak >> 10, assayRows);
        System.out.printf("  peer      one DuckDB statement: %s, peak RSS %,d MB; %s%n", peer, peerPeak >> 10, peerRows);
        System.out.printf("  ratio     Assay / peer = %.2fx (goal <= 1.10x); same rows and labels: %s%n", assay.median() / peer.median(),
                assayRows.equals(peerRows) ? "yes" : "NO");
        return new double[] {assay.median(), assayPeak / 1024.0, peer.median()};
    }
}
