package io.assay.bench;

import io.assay.core.common.IdSource;
import io.assay.core.data.DataCatalog;
import io.assay.core.data.Snapshot;
import io.assay.data.DataEnvironment;
import io.assay.data.DataLayout;
import io.assay.data.features.FeatureDefinitions;
import io.assay.data.features.FeatureView;
import io.assay.data.features.LabelDefinition;
import io.assay.data.features.TrainingSet;
import io.assay.store.Database;
import io.assay.store.DatabaseConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One overdraft-40d training-set build in a child JVM, by Assay or by its peer, reporting its time,
 * its rows and positives, and its peak memory. The peer is the same SQL — every view, the
 * population and the label — with each table written out as the DuckDB read of its snapshot
 * files up to the day, in one statement with DuckDB's default threads and the same memory limit (3 GB).
 */
final class TrainsetOnce {
    private static final String USE_CASE = "overdraft-40d";
    private static final Pattern TABLE = Pattern.compile(
            "\\b(accounts_history|customers_history|accounts|customers|transactions|products|digital_events)\\b");

    private static final io.assay.data.contract.Contracts CONTRACTS = io.assay.data.contract.Contracts.standard();

    record Outcome(double seconds, long peakKb, String rows) {
    }

    private TrainsetOnce() {}

    static void main(String mode, String[] args) throws Exception {
        Path home = Path.of(args[0]);
        List<LocalDate> asOfs = Arrays.stream(args[1].split(",")).map(LocalDate::parse).toList();
        try (Database database = Database.open(DatabaseConfig.embedded(home))) {
            long start = System.nanoTime();
            String rows = mode.equals("trainset-once") ? assay(home, database, asOfs) : peer(home, database.dataCatalog(), asOfs);
            System.out.printf("SECONDS %.6f%n", (System.nanoTime() - start) / 1e9);
            System.out.println("ROWS " + rows);
        }
        String status = Files.readString(Path.of("/proc/self/status"));
        System.out.println(status.lines().filter(line -> line.startsWith("VmHWM:")).findFirst().orElse("VmHWM: 0 kB"));
    }

    static Outcome inChild(String mode, Path home, String asOfs) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                BenchMain.class.getName(), mode, home.toString(), asOfs)).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        if (child.waitFor() != 0) {
            throw new IllegalStateException(mode + " failed: " + output.strip());
        }
        double seconds = Double.parseDouble(line(output, "SECONDS ").substring(8));
        long peak = Long.parseLong(line(output, "VmHWM:").replaceAll("\\D", ""));
        return new Outcome(seconds, peak, line(output, "ROWS ").substring(5));
    }

    private static String assay(Path home, Database database, List<LocalDate> asOfs) {
        DataEnvironment data = new DataEnvironment(new DataLayout(home), database.dataCatalog(), io.assay.testing.DataFixtures.people(),
                database.registryStore(), Clock.systemUTC(), IdSource.random(), Optional.of(FeatureBenchmark.KEY));
        TrainingSet set = data.features().buildTrainingSet("dana", USE_CASE, asOfs, Optional.empty()).value();
        return set.rows() + " rows, " + set.asOfs().stream().mapToLong(TrainingSet.AsOf::positives).sum() + " positives";
    }

    private static String peer(Path home, DataCatalog catalog, List<LocalDate> asOfs) throws Exception {
        DataLayout layout = new DataLayout(home);
        FeatureDefinitions definitions = FeatureDefinitions.load(home.resolve("features"), home.resolve("labels"));
        LabelDefinition label = definitions.label(USE_CASE);
        List<FeatureView> views = label.features().stream().map(definitions::view).toList();
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < asOfs.size(); i++) {
            LocalDate asOf = asOfs.get(i);
            LocalDate end = asOf.plusDays(label.horizonDays());
            String split = i == asOfs.size() - 1 ? "test" : i == asOfs.size() - 2 ? "validation" : "train";
            StringBuilder from = new StringBuilder("(" + inline(label.populations().get("default"), asOf, end, asOf, layout, catalog)
                    + ") p JOIN (" + inline(label.labelSql(), asOf, end, end, layout, catalog) + ") l USING (customer_id)");
            List<String> columns = new ArrayList<>();
            for (int v = 0; v < views.size(); v++) {
                from.append(" JOIN (").append(inline(views.get(v).sql(), asOf, end, asOf, layout, catalog)).append(") v").append(v)
                        .append(" USING (customer_id)");
                for (var column : views.get(v).columns()) {
                    columns.add("CAST(v" + v + "." + column.name() + " AS " + column.type().publishedAs() + ") AS " + column.name());
                }
            }
            selects.add("SELECT DATE '" + asOf + "' AS as_of, customer_id, " + String.join(", ", columns) + ", l.label, '" + split
                    + "' AS split FROM " + from + " WHERE p.exclusion IS NULL");
        }
        Path out = Files.createTempDirectory(home, "peer-");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("SET memory_limit = '3GB'");
            statement.execute("SET temp_directory = '" + out + "'");
            Path file = out.resolve("data.parquet");
            statement.execute("COPY (" + String.join(" UNION ALL ", selects) + " ORDER BY as_of, customer_id) TO '" + file
                    + "' (FORMAT parquet, COMPRESSION zstd)");
            try (ResultSet result = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE label) FROM read_parquet('" + file
                    + "')")) {
                result.next();
                return result.getLong(1) + " rows, " + result.getLong(2) + " positives";
            }
        } finally {
            io.assay.data.DurableFiles.deleteRecursively(out);
        }
    }

    /** The SQL with its parameters bound and each table written out as the read of its snapshots up to {@code upTo}. */
    private static String inline(String sql, LocalDate asOf, LocalDate horizonEnd, LocalDate upTo, DataLayout layout,
                                 DataCatalog catalog) {
        String bound = sql.replaceAll("--[^\\n]*", "").replace(":as_of", "DATE '" + asOf + "'")
                .replace(":horizon_end", "DATE '" + horizonEnd + "'");
        Matcher matcher = TABLE.matcher(bound);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String table = name.replace("_history", "");
            String read = "read_parquet([" + files(table, upTo, layout, catalog) + "], union_by_name = true)";
            // The state tables' latest rows, by the key their contract names; an event table's rows are all its rows.
            boolean state = !name.endsWith("_history") && CONTRACTS.forTable(table).columns().stream().noneMatch(c -> c.onBusinessDate());
            String replacement = state ? "(SELECT * FROM " + read + " QUALIFY row_number() OVER (PARTITION BY "
                    + String.join(", ", CONTRACTS.forTable(table).uniqueKey()) + " ORDER BY business_date DESC, source_line DESC) = 1)"
                    : read;
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String files(String table, LocalDate upTo, DataLayout layout, DataCatalog catalog) {
        return Snapshot.newestPerDay(catalog.listSnapshots(Optional.of(table)).stream()
                        .filter(s -> !s.businessDate().isAfter(upTo)).toList()).stream().map(s -> "'" + layout.folderOf(s).resolve("data.parquet") + "'").collect(Collectors.joining(", "));
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no '" + prefix + "' in: " + output));
    }
}
