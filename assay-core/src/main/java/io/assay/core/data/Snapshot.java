package io.assay.core.data;

import io.assay.core.common.Names;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.assay.core.common.Names.requireText;
import static java.util.Objects.requireNonNull;

/**
 * An immutable, content-hashed table snapshot for one business day: what was published, from
 * which source file, under which contract version, and what was quarantined and why.
 *
 * @param id              stable id, {@code <table>-<date>-<first 12 hex of the source hash>}
 * @param sourceRows      data rows in the source file
 * @param rowCount        rows published (source rows less quarantined rows)
 * @param quarantined     quarantined rows per rule name (a row counts once, under the first rule it broke)
 * @param contentSha256   SHA-256 of the published Parquet file
 * @param location        folder of the snapshot, relative to the data environment's root
 */
public record Snapshot(
        String id,
        String table,
        LocalDate businessDate,
        int contractVersion,
        String sourceFile,
        String sourceSha256,
        long sourceRows,
        long rowCount,
        Map<String, Long> quarantined,
        String contentSha256,
        List<SnapshotColumn> columns,
        String location,
        String publishedBy,
        Instant publishedAt) {

    public Snapshot {
        requireText("snapshot id", id, 128);
        Names.requireTableName(table);
        requireNonNull(businessDate, "businessDate is null");
        if (contractVersion < 1) {
            throw new IllegalArgumentException("contractVersion must be at least 1, was " + contractVersion);
        }
        requireText("source file", sourceFile, 512);
        requireSha256("sourceSha256", sourceSha256);
        requireSha256("contentSha256", contentSha256);
        if (sourceRows < 0 || rowCount < 0 || rowCount > sourceRows) {
            throw new IllegalArgumentException("row counts are inconsistent: source " + sourceRows + ", published " + rowCount);
        }
        quarantined = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(quarantined, "quarantined is null")));
        long quarantinedRows = quarantined.values().stream().mapToLong(Long::longValue).sum();
        if (rowCount + quarantinedRows != sourceRows) {
            throw new IllegalArgumentException("published " + rowCount + " + quarantined " + quarantinedRows
                    + " rows do not add up to the " + sourceRows + " source rows");
        }
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireText("location", location, 1024);
        requireText("publishedBy", publishedBy, 128);
        requireNonNull(publishedAt, "publishedAt is null");
    }

    public static String idFor(String table, LocalDate businessDate, String sourceSha256) {
        return table + "-" + businessDate + "-" + sourceSha256.substring(0, 12);
    }

    /**
     * The newest snapshot of each business day among {@code snapshots}, oldest day first: a day
     * ingested again is read as its latest version.
     */
    public static List<Snapshot> newestPerDay(java.util.Collection<Snapshot> snapshots) {
        Map<LocalDate, Snapshot> newest = new TreeMap<>();
        for (Snapshot snapshot : snapshots) {
            newest.merge(snapshot.businessDate(), snapshot, (a, b) -> a.publishedAt().isAfter(b.publishedAt()) ? a : b);
        }
        return List.copyOf(newest.values());
    }

    public long quarantinedRows() {
        return quarantined.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void requireSha256(String what, String value) {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(what + " must be 64 lower-case hex characters");
        }
    }
}
