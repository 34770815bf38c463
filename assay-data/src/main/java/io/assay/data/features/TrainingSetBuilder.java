package io.assay.data.features;

import io.assay.core.data.DataAccessService;
import io.assay.core.data.DataCatalog;
import io.assay.core.data.DataRead;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DataLayout;
import io.assay.data.DurableFiles;
import io.assay.data.Sha256;
import io.assay.data.SqlText;
import io.assay.data.contract.Contracts;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Joins a use case's features and labels over a list of as-of dates into a training set. Each
 * as-of gets its feature builds (published, or reused when the same content was), its population
 * (as-of views only) and its labels (views up to as-of plus the horizon, built only once that
 * whole window is ingested). The latest as-of is the out-of-time test, the one before it the
 * validation set, the rest train: split by time, never shuffled across it.
 */
final class TrainingSetBuilder {
    static final int MIN_AS_OFS = 3;
    private static final String MEMORY_LIMIT = FeatureBuilder.MEMORY_LIMIT;

    private final DataLayout layout;
    private final DataCatalog catalog;
    private final Contracts contracts;
    private final DataAccessService access;
    private final FeatureBuilder features;
    private final Clock clock;

    TrainingSetBuilder(DataLayout layout, DataCatalog catalog, Contracts contracts, DataAccessService access, FeatureBuilder features,
                       Clock clock) {
        this.layout = requireNonNull(layout, "layout is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.contracts = requireNonNull(contracts, "contracts is null");
        this.access = requireNonNull(access, "access is null");
        this.features = requireNonNull(features, "features is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    Published<TrainingSet> build(String actor, LabelDefinition label, List<FeatureView> views, List<LocalDate> requested,
                                 String population) {
        List<LocalDate> asOfs = new ArrayList<>(new TreeSet<>(requireNonNull(requested, "as-ofs are null")));
        if (asOfs.size() < MIN_AS_OFS) {
            throw AssayException.invalid("a training set needs at least " + MIN_AS_OFS + " distinct as-of dates (train, validation, "
                    + "and the latest as the out-of-time test), got " + asOfs.size());
        }
        asOfs.forEach(features::requireNotFuture);
        String populationSql = label.populations().get(population);
        if (populationSql == null) {
            throw AssayException.notFound("use case " + label.useCase() + " has no population rule '" + population + "'; its rules: "
                    + String.join(", ", label.populations().keySet()));
        }
        requireDistinctColumns(label, views);
        String populationSource = "population rule " + population + " of " + label.useCase();
        String labelSource = "label of " + label.useCase();
        AsOfSql.Reads populationReads = AsOfSql.reads(populationSource,
                AsOfSql.bind(populationSource, populationSql, Map.of("as_of", asOfs.get(0))), contracts);
        AsOfSql.Reads labelReads = AsOfSql.reads(labelSource, AsOfSql.bind(labelSource, label.labelSql(),
                Map.of("as_of", asOfs.get(0), "horizon_end", asOfs.get(0).plusDays(label.horizonDays()))), contracts);
        Map<FeatureView, AsOfSql.Reads> viewReads = new LinkedHashMap<>();
        views.forEach(view -> viewReads.put(view, features.reads(view, asOfs.get(0))));
        // One session per as-of holds the views and the population: the tables they share are opened, and a state table's
        // latest rows computed, once.
        AsOfSql.Reads asOfReads = viewReads.values().stream().reduce(populationReads, AsOfSql.Reads::and);
        Set<String> tables = new TreeSet<>(asOfReads.tables());
        tables.addAll(labelReads.tables());
        // One logged read for the whole set: every table its views, population and label read, named with what it builds.
        DataRead read = access.authoriseRead(actor, List.copyOf(tables), "trainset build " + label.useCase() + " v" + label.version()
                + " population " + population + " as of " + asOfs.stream().map(LocalDate::toString).collect(Collectors.joining(","))
                + " with views " + views.stream().map(v -> v.name() + " v" + v.version()).collect(Collectors.joining(", "))
                + " (sql sha256:" + label.sqlSha256(population) + ")");
        SnapshotIndex snapshots = SnapshotIndex.of(catalog);
        Path staging = PublishedFolders.newStaging(layout.staging(), "trainset-" + label.useCase());
        try {
            requireMature(label, asOfs, labelReads, populationSource, populationSql, populationReads, staging, snapshots);
            List<String> buildIds = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            Map<LocalDate, Map<FeatureView, Path>> featureFiles = new TreeMap<>();
            List<String> labelInputs = new ArrayList<>();
            // Each session is single-threaded so that its result is reproducible; the sessions run side by side instead,
            // the features first (the longest work), all of it in staging: nothing is published before every check passed.
            List<Callable<Object>> work = new ArrayList<>();
            for (LocalDate asOf : asOfs) {
                work.add(() -> {
                    try (AsOfSession session = features.open(snapshots, asOfReads, asOf, staging)) {
                        List<Object> staged = new ArrayList<>();
                        for (FeatureView view : views) {
                            staged.add(features.stage(actor, view, asOf, viewReads.get(view), read, session, staging));
                        }
                        staged.add(runIn(session, populationSource, populationSql, populationReads, asOf, asOf, label.entity(),
                                exclusionColumn(label), staging.resolve("population-" + asOf + ".parquet")));
                        return staged;
                    }
                });
            }
            for (LocalDate asOf : asOfs) {
                work.add(() -> runInSession(labelSource, label.labelSql(), labelReads, asOf, asOf.plusDays(label.horizonDays()),
                        label.entity(), labelColumn(label), staging.resolve("label-" + asOf + ".parquet"), snapshots));
            }
            List<Object> results = runSideBySide(work);
            Splits.requireLearnable(label, population, asOfs, staging);
            // Results are taken in the order the work was listed, so the manifest does not depend on which finished first.
            for (int i = 0; i < asOfs.size(); i++) {
                LocalDate asOf = asOfs.get(i);
                List<?> staged = (List<?>) results.get(i);
                Map<FeatureView, Path> files = new LinkedHashMap<>();
                featureFiles.put(asOf, files);
                for (FeatureView view : views) {
                    FeatureBuild build = features.publish((FeatureBuilder.Staged) staged.get(files.size())).value();
                    buildIds.add(build.id());
                    build.warnings().forEach(w -> warnings.add(view.name() + " as of " + asOf + ": " + w));
                    files.put(view, features.dataFile(build));
                }
                labelInputs.addAll(inputsOf(staged.get(views.size())));
                labelInputs.addAll(inputsOf(results.get(asOfs.size() + i)));
            }
            return join(actor, label, views, population, asOfs, featureFiles, buildIds, warnings, labelInputs, read, staging);
        } catch (SQLException | IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot build the training set of " + label.useCase() + ": "
                    + e.getMessage());
        } finally {
            PublishedFolders.discard(staging);
        }
    }

    List<TrainingSet> trainingSets(Optional<String> useCase) {
        return PublishedFolders.list(layout.root().resolve("trainsets"), 2, name -> true).stream()
                .map(folder -> PublishedFolders.read(folder, TrainingSet.class))
                .filter(set -> useCase.map(set.useCase()::equals).orElse(true))
                .sorted(Comparator.comparing(TrainingSet::builtAt))
                .toList();
    }

    Path dataFile(TrainingSet set) {
        return folderOf(set.useCase(), set.id()).resolve(PublishedFolders.DATA_FILE);
    }

    /** Refuses as-ofs whose label window is not wholly ingested, saying how many rows they would have held. */
    private void requireMature(LabelDefinition label, List<LocalDate> asOfs, AsOfSql.Reads labelReads, String populationSource,
                               String populationSql, AsOfSql.Reads populationReads, Path staging, SnapshotIndex snapshots)
            throws SQLException {
        LocalDate complete = snapshots.last(labelReads.tables());
        List<String> immature = new ArrayList<>();
        long immatureRows = 0;
        for (LocalDate asOf : asOfs) {
            if (asOf.plusDays(label.horizonDays()).isAfter(complete)) {
                Path file = staging.resolve("immature-" + asOf + ".parquet");
                runInSession(populationSource, populationSql, populationReads, asOf, asOf, label.entity(), exclusionColumn(label), file,
                        snapshots);
                long rows = Splits.count("SELECT count(*) FROM " + Splits.parquet(file) + " WHERE exclusion IS NULL");
                immatureRows += rows;
                immature.add(asOf + " (" + rows + " rows; matures on " + asOf.plusDays(label.horizonDays()) + ")");
            }
        }
        if (!immature.isEmpty()) {
            throw new AssayException(ErrorCode.NOT_MATURE, immatureRows + " row(s) left out as immature: the " + label.horizonDays()
                    + "-day label of " + label.useCase() + " needs its window ingested, and what it reads is ingested up to " + complete
                    + "; immature as-of(s): " + String.join(", ", immature) + ". The latest as-of is the out-of-time test, so the "
                    + "training set is refused; " + advice(label, labelReads.tables(), complete, snapshots));
        }
    }

    private static FeatureColumn exclusionColumn(LabelDefinition label) {
        return new FeatureColumn("exclusion", FeatureType.STRING, "why a customer is left out (null: in the population)", label.owner(),
                true, FeatureRole.ATTRIBUTE);
    }

    private static FeatureColumn labelColumn(LabelDefinition label) {
        return new FeatureColumn("label", FeatureType.BOOLEAN, label.description(), label.owner(), false, FeatureRole.FEATURE);
    }

    /** Runs the work on as many threads as there are cores; the first failure is thrown as it was raised. */
    private static <T> List<T> runSideBySide(List<Callable<T>> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(work.size(), Runtime.getRuntime().availableProcessors())));
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(work)) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssayException(ErrorCode.UNEXPECTED, "the build was interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private static String advice(LabelDefinition label, Set<String> labelTables, LocalDate complete, SnapshotIndex snapshots) {
        LocalDate latestMature = complete.minusDays(label.horizonDays());
        LocalDate first = snapshots.first(labelTables);
        if (latestMature.isBefore(first)) {
            return "the data starts on " + first + ", so a " + label.horizonDays() + "-day label needs at least "
                    + (label.horizonDays() + TrainingSetBuilder.MIN_AS_OFS) + " days ingested";
        }
        return "use as-ofs up to " + latestMature;
    }

    /** Runs a population or label definition in a session of its own, up to {@code upTo}. */
    private List<String> runInSession(String source, String sql, AsOfSql.Reads reads, LocalDate asOf, LocalDate upTo, String entity,
                                      FeatureColumn column, Path file, SnapshotIndex snapshots) {
        try (AsOfSession session = features.open(snapshots, reads, upTo, file.getParent())) {
            return runIn(session, source, sql, reads, asOf, upTo, entity, column, file);
        }
    }

    /** Runs a population or label definition in a session, writes its checked output, and names the snapshots it read. */
    private static List<String> runIn(AsOfSession session, String source, String sql, AsOfSql.Reads reads, LocalDate asOf,
                                      LocalDate horizonEnd, String entity, FeatureColumn column, Path file) {
        String bound = AsOfSql.bind(source, sql, Map.of("as_of", asOf, "horizon_end", horizonEnd));
        String table = column.name() + "_result";
        ViewOutput.run(session.connection(), source + " (as of " + asOf + ")", bound, entity, List.of(column), table);
        ViewOutput.write(session.connection(), table, List.of(), entity, List.of(column), List.of(), ViewOutput.quote(entity), file);
        ViewOutput.drop(session.connection(), table);
        return session.inputs(reads.tables()).stream().map(AsOfSession.Input::contentSha256).toList();
    }

    private static List<String> inputsOf(Object result) {
        return ((List<?>) result).stream().map(String.class::cast).toList();
    }

    private Published<TrainingSet> join(String actor, LabelDefinition label, List<FeatureView> views, String population, List<LocalDate> asOfs,
                       Map<LocalDate, Map<FeatureView, Path>> featureFiles, List<String> buildIds, List<String> warnings,
                       List<String> labelInputs, DataRead read, Path staging) throws SQLException, IOException {
        String entity = ViewOutput.quote(label.entity());
        List<TrainingSet.AsOf> perAsOf = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
            statement.execute("SET temp_directory = " + SqlText.literal(staging.toString()));
            for (int i = 0; i < asOfs.size(); i++) {
                LocalDate asOf = asOfs.get(i);
                String split = Splits.splitOf(i, asOfs.size());
                String pop = Splits.parquet(staging.resolve("population-" + asOf + ".parquet"));
                String lab = Splits.parquet(staging.resolve("label-" + asOf + ".parquet"));
                long populationRows = Splits.count(statement, "SELECT count(*) FROM " + pop);
                Map<String, Long> excluded = new TreeMap<>();
                try (ResultSet result = statement.executeQuery("SELECT exclusion, count(*) FROM " + pop
                        + " WHERE exclusion IS NOT NULL GROUP BY 1 ORDER BY 1")) {
                    while (result.next()) {
                        excluded.put(result.getString(1), result.getLong(2));
                    }
                }
                String included = "(SELECT " + entity + " FROM " + pop + " WHERE exclusion IS NULL)";
                long withoutLabel = Splits.count(statement, "SELECT count(*) FROM " + included + " i ANTI JOIN " + lab + " l USING ("
                        + entity + ")");
                StringBuilder from = new StringBuilder(included + " i JOIN " + lab + " l USING (" + entity + ")");
                Map<String, Long> withoutFeatures = new TreeMap<>();
                List<String> columns = new ArrayList<>();
                int v = 0;
                for (Map.Entry<FeatureView, Path> entry : featureFiles.get(asOf).entrySet()) {
                    String alias = "v" + v++;
                    withoutFeatures.put(entry.getKey().name(), Splits.count(statement, "SELECT count(*) FROM " + included + " i JOIN " + lab
                            + " l USING (" + entity + ") ANTI JOIN " + Splits.parquet(entry.getValue()) + " f USING (" + entity + ")"));
                    from.append(" JOIN ").append(Splits.parquet(entry.getValue())).append(' ').append(alias).append(" USING (").append(entity)
                            .append(")");
                    entry.getKey().columns().forEach(column -> columns.add(alias + "." + ViewOutput.quote(column.name())));
                }
                String select = "SELECT DATE '" + asOf + "' AS as_of, " + entity + ", " + String.join(", ", columns)
                        + ", l.label, '" + split + "' AS split FROM " + from;
                selects.add(select);
                long rows;
                long positives;
                try (ResultSet result = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE label) FROM (" + select + ")")) {
                    result.next();
                    rows = result.getLong(1);
                    positives = result.getLong(2);
                }
                perAsOf.add(new TrainingSet.AsOf(asOf, split, populationRows, excluded, withoutLabel, withoutFeatures, rows, positives));
            }
            Map<String, TrainingSet.Split> splits = Splits.splits(label, perAsOf);
            Path out = java.nio.file.Files.createDirectories(staging.resolve("out"));
            Path data = out.resolve(PublishedFolders.DATA_FILE);
            statement.execute("COPY (" + String.join(" UNION ALL ", selects) + " ORDER BY as_of, " + entity + ") TO "
                    + SqlText.literal(data.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
            String sha = DurableFiles.sha256(data);
            String id = label.useCase() + "-" + sha.substring(0, 12);
            long rows = perAsOf.stream().mapToLong(TrainingSet.AsOf::rows).sum();
            long positives = perAsOf.stream().mapToLong(TrainingSet.AsOf::positives).sum();
            TrainingSet set = new TrainingSet(TrainingSet.FORMAT, id, label.useCase(), label.version(), label.sqlSha256(population),
                    label.horizonDays(), population, label.entity(),
                    views.stream().flatMap(view -> view.features().stream()).map(FeatureColumn::name).toList(),
                    views.stream().flatMap(view -> view.columns().stream()).filter(c -> c.role() == FeatureRole.ATTRIBUTE)
                            .map(FeatureColumn::name).toList(),
                    buildIds, perAsOf, splits, rows, (double) positives / rows, sha,
                    Sha256.of(labelInputs.stream().sorted().distinct().collect(Collectors.joining("\n"))), warnings, read.id(),
                    actor, clock.instant().truncatedTo(ChronoUnit.MICROS), FeatureBuilder.engine());
            Path target = folderOf(label.useCase(), id);
            if (!PublishedFolders.publish(out, target, set)) {
                return new Published<>(PublishedFolders.read(target, TrainingSet.class), false);
            }
            return new Published<>(set, true);
        }
    }

    private void requireDistinctColumns(LabelDefinition label, List<FeatureView> views) {
        Map<String, String> owners = new TreeMap<>();
        for (FeatureView view : views) {
            for (FeatureColumn column : view.columns()) {
                String before = owners.putIfAbsent(column.name(), view.name());
                if (before != null) {
                    throw new AssayException(ErrorCode.INVALID_DEFINITION, "use case " + label.useCase() + " joins views " + before
                            + " and " + view.name() + ", which both declare column " + column.name());
                }
            }
        }
    }

    private Path folderOf(String useCase, String id) {
        return layout.root().resolve("trainsets").resolve(useCase).resolve(id);
    }
}
