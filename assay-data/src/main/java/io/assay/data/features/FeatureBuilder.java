package io.assay.data.features;

import io.assay.core.data.DataAccessService;
import io.assay.core.data.DataCatalog;
import io.assay.core.data.DataRead;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DataLayout;
import io.assay.data.DurableFiles;
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
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Builds one feature view as of one day: binds {@code :as_of}, asks for the grant on the tables
 * its SQL reads (a logged read), runs it in an {@link AsOfSession}, holds the output to the
 * declaration and publishes it as an immutable, content-hashed Parquet file with its lineage.
 */
final class FeatureBuilder {
    /** DuckDB's memory budget per build; beyond it DuckDB spills to the staging folder, so memory stays bounded. */
    static final String MEMORY_LIMIT = "1GB";

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

    Published<FeatureBuild> build(String actor, FeatureView view, LocalDate asOf) {
        requireNotFuture(asOf);
        String source = "feature view " + view.name();
        String bound = AsOfSql.bind(source, view.sql(), Map.of("as_of", asOf));
        Set<String> tables = AsOfSql.tablesRead(source, bound, contracts);
        DataRead read = access.authoriseRead(actor, List.copyOf(tables), "feature build " + view.name() + " v" + view.version()
                + " as of " + asOf + " (sql sha256:" + view.sqlSha256() + ")");
        requireIngestedBy(asOf);
        Path staging = PublishedFolders.newStaging(layout.staging(), "feature-" + view.name());
        try {
            ViewOutput.Checked checked;
            List<AsOfSession.Input> inputs;
            try (AsOfSession session = AsOfSession.open(layout, catalog, contracts, tables, asOf, staging, MEMORY_LIMIT)) {
                checked = ViewOutput.run(session.connection(), source + " (as of " + asOf + ")", bound, view.entity(), view.columns(),
                        "built");
                ViewOutput.write(session.connection(), "built", List.of(), view.entity(), view.columns(), List.of(),
                        ViewOutput.quote(view.entity()), staging.resolve(PublishedFolders.DATA_FILE));
                inputs = session.inputs();
            }
            String sha = DurableFiles.sha256(staging.resolve(PublishedFolders.DATA_FILE));
            String id = view.name() + "-" + asOf + "-" + sha.substring(0, 12);
            FeatureBuild build = new FeatureBuild(FeatureBuild.FORMAT, id, view.name(), view.version(), view.sqlSha256(),
                    view.entity(), asOf, checked.rows(), sha, checked.profiles(), checked.warnings(),
                    inputs.stream().map(i -> new FeatureBuild.Input(i.table(), i.businessDate(), i.snapshotId(), i.contentSha256()))
                            .toList(),
                    read.id(), actor, clock.instant().truncatedTo(ChronoUnit.MICROS), engine());
            Path target = folderOf(view.name(), asOf, id);
            if (!PublishedFolders.publish(staging, target, build)) {
                return new Published<>(PublishedFolders.read(target, FeatureBuild.class), false);
            }
            return new Published<>(build, true);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot build " + view.name() + ": " + e.getMessage());
        } finally {
            PublishedFolders.discard(staging);
        }
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

    /**
     * Refuses a day past everything ingested: its features would silently be those of an older
     * day. A table that only sends changes (customers) or arrives monthly (bureau data) is not
     * asked to have a snapshot of that very day.
     */
    void requireIngestedBy(LocalDate day) {
        LocalDate latest = catalog.listSnapshots(Optional.empty()).stream().map(s -> s.businessDate())
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> AssayException.invalid("nothing is ingested yet; ingest a day's batches first"));
        if (latest.isBefore(day)) {
            throw AssayException.invalid("nothing is ingested for " + day + " yet: the last business day ingested is " + latest);
        }
    }

    /** The last business day ingested of any of the tables. */
    LocalDate lastIngested(Set<String> tables) {
        LocalDate result = null;
        for (String table : tables) {
            Optional<LocalDate> last = catalog.listSnapshots(Optional.of(table)).stream().map(s -> s.businessDate())
                    .max(Comparator.naturalOrder());
            if (last.isEmpty()) {
                throw AssayException.invalid("table " + table + " has no snapshots yet; ingest a batch first");
            }
            if (result == null || last.get().isAfter(result)) {
                result = last.get();
            }
        }
        return result;
    }

    private Path featuresRoot() {
        return layout.root().resolve("features");
    }

    private Path folderOf(String view, LocalDate asOf, String id) {
        return featuresRoot().resolve(view).resolve(asOf.toString()).resolve(id);
    }

    static String engine() {
        return "duckdb " + org.duckdb.DuckDBDriver.class.getPackage().getImplementationVersion();
    }
}
