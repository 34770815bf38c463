package io.assay.data.features;

import io.assay.core.data.DataAccessService;
import io.assay.core.data.DataCatalog;
import io.assay.core.data.DataRead;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DataLayout;
import io.assay.data.DurableFiles;
import io.assay.data.SqlText;
import io.assay.data.contract.Contracts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Builds one feature view as of one day: binds {@code :as_of}, asks for the grant on the tables
 * its SQL reads (a logged read), runs it in an {@link AsOfSession}, holds the output to the
 * declaration and publishes it as an immutable, content-hashed Parquet file with its lineage.
 */
final class FeatureBuilder {
    /**
     * DuckDB's memory budget per session (sessions run one per core); beyond it DuckDB spills to
     * the staging folder, so memory stays bounded. At 100,000 customers the balance view's
     * grouping by customer and day needs a 1.5 GiB block, which 1 GB refused.
     */
    static final String MEMORY_LIMIT = "3GB";

    private final DataLayout layout;
    private final DataCatalog catalog;
    private final Contracts contracts;
    private final DataAccessService access;
    private final Clock clock;

    FeatureBuilder(DataLayout layout, DataCatalog catalog, Contracts contracts, DataAccessService access, Clock clock) {
        this.layout = requireNonNull(layout, "layout is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.contracts = requireNonNull(contracts, "contracts is null");
        this.access = requireNonNull(access, "access is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** One view as of one day, on its own: its own logged read. */
    Published<FeatureBuild> build(String actor, FeatureView view, LocalDate asOf) {
        requireNotFuture(asOf);
        AsOfSql.Reads reads = reads(view, asOf);
        DataRead read = access.authoriseRead(actor, List.copyOf(reads.tables()), "feature build " + view.name() + " v" + view.version()
                + " as of " + asOf + " (sql sha256:" + view.sqlSha256() + ")");
        SnapshotIndex snapshots = SnapshotIndex.of(catalog);
        snapshots.requireIngestedBy(asOf);
        Path staging = PublishedFolders.newStaging(layout.staging(), "feature-" + view.name());
        try (AsOfSession session = open(snapshots, reads, asOf, staging)) {
            return publish(stage(actor, view, asOf, reads, read, session, staging));
        } finally {
            PublishedFolders.discard(staging);
        }
    }

    /** What a view reads (the same whatever its as-of day), from its parse tree. */
    AsOfSql.Reads reads(FeatureView view, LocalDate asOf) {
        String source = "feature view " + view.name();
        return AsOfSql.reads(source, AsOfSql.bind(source, view.sql(), Map.of("as_of", asOf)), contracts);
    }

    AsOfSession open(SnapshotIndex snapshots, AsOfSql.Reads reads, LocalDate upTo, Path spill) {
        return AsOfSession.open(layout, snapshots, contracts, reads, upTo, spill, MEMORY_LIMIT);
    }

    /** A build computed and checked in its staging folder, not yet published. */
    record Staged(FeatureBuild build, Path staging) {
    }

    /**
     * Computes and checks a build in a staging folder of its own under {@code parent} (whose owner
     * cleans it up), in a session as of the day that may hold other definitions too, under a read
     * already authorised and logged: a training set asks once for all it reads.
     */
    Staged stage(String actor, FeatureView view, LocalDate asOf, AsOfSql.Reads reads, DataRead read, AsOfSession session, Path parent) {
        String source = "feature view " + view.name();
        String bound = AsOfSql.bind(source, view.sql(), Map.of("as_of", asOf));
        Path staging = PublishedFolders.newStaging(parent, view.name() + "-" + asOf);
        String table = "built_" + view.name();
        try {
            ViewOutput.Checked checked = ViewOutput.run(session.connection(), source + " (as of " + asOf + ")", bound, view.entity(),
                    view.columns(), table);
            ViewOutput.write(session.connection(), table, List.of(), view.entity(), view.columns(), List.of(),
                    ViewOutput.quote(view.entity()), staging.resolve(PublishedFolders.DATA_FILE));
            ViewOutput.drop(session.connection(), table);
            String sha = DurableFiles.sha256(staging.resolve(PublishedFolders.DATA_FILE));
            String id = view.name() + "-" + asOf + "-" + sha.substring(0, 12);
            FeatureBuild build = new FeatureBuild(FeatureBuild.FORMAT, id, view.name(), view.version(), view.sqlSha256(),
                    view.entity(), asOf, checked.rows(), sha, checked.profiles(), checked.warnings(),
                    session.inputs(reads.tables()).stream()
                            .map(i -> new FeatureBuild.Input(i.table(), i.businessDate(), i.snapshotId(), i.contentSha256())).toList(),
                    read.id(), actor, clock.instant().truncatedTo(ChronoUnit.MICROS), engine());
            return new Staged(build, staging);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot build " + view.name() + ": " + e.getMessage());
        }
    }

    /** Publishes a staged build, or returns the same content published before (and drops the staged copy). */
    Published<FeatureBuild> publish(Staged staged) {
        FeatureBuild build = staged.build();
        Path target = folderOf(build.view(), build.asOf(), build.id());
        if (!PublishedFolders.publish(staged.staging(), target, build)) {
            return new Published<>(PublishedFolders.read(target, FeatureBuild.class), false);
        }
        return new Published<>(build, true);
    }

    /** Every published build, of one view or of all, oldest as-of first. */
    List<FeatureBuild> builds(Optional<String> view) {
        return PublishedFolders.list(featuresRoot(), 3, name -> view.map(v -> name.startsWith(v + "-")).orElse(true)).stream()
                .map(folder -> PublishedFolders.read(folder, FeatureBuild.class))
                .filter(build -> view.map(build.view()::equals).orElse(true))
                .sorted(Comparator.comparing(FeatureBuild::asOf).thenComparing(FeatureBuild::view).thenComparing(FeatureBuild::builtAt))
                .toList();
    }

    Path dataFile(FeatureBuild build) {
        return folderOf(build.view(), build.asOf(), build.id()).resolve(PublishedFolders.DATA_FILE);
    }

    void requireNotFuture(LocalDate asOf) {
        requireNonNull(asOf, "as-of is null");
        LocalDate today = LocalDate.now(clock);
        if (!asOf.isBefore(today)) {
            throw AssayException.invalid("as-of " + asOf + " is not in the past (today is " + today
                    + "); the data of a day is complete once it is over and ingested");
        }
    }

    private Path featuresRoot() {
        return layout.root().resolve("features");
    }

    private Path folderOf(String view, LocalDate asOf, String id) {
        return featuresRoot().resolve(view).resolve(asOf.toString()).resolve(id);
    }

    /** The engine that computed a build, for its lineage: DuckDB's own version, asked once, when first needed. */
    static String engine() {
        return Engine.NAME;
    }

    private static final class Engine {
        static final String NAME = "duckdb " + version();

        private static String version() {
            try (java.sql.Connection duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                 java.sql.Statement statement = duckdb.createStatement();
                 java.sql.ResultSet result = statement.executeQuery("SELECT library_version FROM pragma_version()")) {
                result.next();
                return result.getString(1);
            } catch (java.sql.SQLException e) {
                return "(version unknown: " + SqlText.firstLine(e.getMessage()) + ")";
            }
        }
    }
}
