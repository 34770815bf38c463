package io.assay.data.features;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DataLayout;
import io.assay.data.DurableFiles;
import io.assay.data.SqlText;

import java.io.IOException;
import java.nio.file.Files;
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
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Publishes the serving feature table of each use case from its feature builds (the same SQL
 * training used, never a second implementation) and moves the use case's {@code current.json}
 * to it only once it is complete, so a reader sees the old table or the new, never half.
 */
final class ServingTables {
    static final String CURRENT = "current.json";

    private final DataLayout layout;
    private final io.assay.core.data.DataCatalog catalog;
    private final io.assay.core.data.DataAccessService access;
    private final FeatureBuilder features;
    private final Clock clock;

    ServingTables(DataLayout layout, io.assay.core.data.DataCatalog catalog, io.assay.core.data.DataAccessService access,
                  FeatureBuilder features, Clock clock) {
        this.layout = requireNonNull(layout, "layout is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.access = requireNonNull(access, "access is null");
        this.features = requireNonNull(features, "features is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    ServingTable materialize(String actor, LabelDefinition useCase, List<FeatureView> views, LocalDate asOf) {
        features.requireNotFuture(asOf);
        java.util.Map<FeatureView, AsOfSql.Reads> viewReads = new java.util.LinkedHashMap<>();
        views.forEach(view -> viewReads.put(view, features.reads(view, asOf)));
        AsOfSql.Reads reads = viewReads.values().stream().reduce(AsOfSql.Reads::and).orElseThrow();
        java.util.Set<String> tables = reads.tables();
        // One logged read for the table: the views it joins, as of the day.
        io.assay.core.data.DataRead read = access.authoriseRead(actor, List.copyOf(tables), "serving table " + useCase.useCase()
                + " as of " + asOf + " with views " + String.join(", ", views.stream().map(v -> v.name() + " v" + v.version()).toList()));
        SnapshotIndex snapshots = SnapshotIndex.of(catalog);
        snapshots.requireIngestedBy(asOf);
        List<String> buildIds = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        StringBuilder from = new StringBuilder();
        String entity = ViewOutput.quote(useCase.entity());
        int v = 0;
        Path builds = PublishedFolders.newStaging(layout.staging(), "serving-builds-" + useCase.useCase());
        List<FeatureBuild> published = new ArrayList<>();
        try (AsOfSession session = features.open(snapshots, reads, asOf, builds)) {
            for (FeatureView view : views) {
                published.add(features.publish(features.stage(actor, view, asOf, viewReads.get(view), read, session, builds)).value());
            }
        } finally {
            PublishedFolders.discard(builds);
        }
        for (int i = 0; i < views.size(); i++) {
            FeatureView view = views.get(i);
            FeatureBuild build = published.get(i);
            buildIds.add(build.id());
            boolean first = from.isEmpty();
            String alias = "v" + v++;
            from.append(first ? "" : " JOIN ").append("read_parquet(")
                    .append(SqlText.literal(features.dataFile(build).toString())).append(") ").append(alias)
                    .append(first ? "" : " USING (" + entity + ")");
            view.columns().forEach(column -> columns.add(alias + "." + ViewOutput.quote(column.name())));
        }
        Path staging = PublishedFolders.newStaging(layout.staging(), "serving-" + useCase.useCase());
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            Path data = staging.resolve(PublishedFolders.DATA_FILE);
            String select = "SELECT " + entity + ", " + String.join(", ", columns) + " FROM " + from;
            statement.execute("COPY (" + select + " ORDER BY " + entity + ") TO " + SqlText.literal(data.toString())
                    + " (FORMAT parquet, COMPRESSION zstd)");
            long rows;
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM read_parquet(" + SqlText.literal(data.toString()) + ")")) {
                result.next();
                rows = result.getLong(1);
            }
            String sha = DurableFiles.sha256(data);
            String id = useCase.useCase() + "-" + asOf + "-" + sha.substring(0, 12);
            ServingTable table = new ServingTable(ServingTable.FORMAT, id, useCase.useCase(), asOf, useCase.entity(), buildIds,
                    columns.stream().map(c -> c.substring(c.indexOf('.') + 2, c.length() - 1)).toList(), rows, sha, actor,
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            Path target = root().resolve(useCase.useCase()).resolve(id);
            if (!PublishedFolders.publish(staging, target, table)) {
                table = PublishedFolders.read(target, ServingTable.class);
            }
            DurableFiles.writeAtomically(root().resolve(useCase.useCase()).resolve(CURRENT), PublishedFolders.JSON.writeValueAsBytes(
                    java.util.Map.of("serving_id", table.id(), "as_of", asOf.toString())));
            return table;
        } catch (SQLException | IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot publish the serving table of " + useCase.useCase() + ": "
                    + e.getMessage());
        } finally {
            PublishedFolders.discard(staging);
        }
    }

    /** The serving table {@code current.json} of the use case points at, if one was materialised. */
    Optional<ServingTable> current(String useCase) {
        Path pointer = root().resolve(useCase).resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            String id = PublishedFolders.JSON.readTree(pointer.toFile()).path("serving_id").asText();
            return Optional.of(PublishedFolders.read(root().resolve(useCase).resolve(id), ServingTable.class));
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot read " + pointer + ": " + e.getMessage());
        }
    }

    Path dataFile(ServingTable table) {
        return root().resolve(table.useCase()).resolve(table.id()).resolve(PublishedFolders.DATA_FILE);
    }

    private Path root() {
        return layout.root().resolve("serving");
    }
}
