package io.assay.data.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.assay.core.data.PrivacyClass;
import io.assay.core.data.Snapshot;
import io.assay.core.data.SnapshotColumn;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} published inside every snapshot folder: the snapshot described by
 * itself, so the folder can be checked (or re-registered after a crash) without the catalog.
 * The format is versioned; a manifest of an unknown format is refused.
 */
record SnapshotManifest(
        @JsonProperty("manifest_format") int manifestFormat,
        @JsonProperty("snapshot_id") String snapshotId,
        @JsonProperty("table") String table,
        @JsonProperty("business_date") LocalDate businessDate,
        @JsonProperty("contract_version") int contractVersion,
        @JsonProperty("source_file") String sourceFile,
        @JsonProperty("source_sha256") String sourceSha256,
        @JsonProperty("source_rows") long sourceRows,
        @JsonProperty("row_count") long rowCount,
        @JsonProperty("quarantined") Map<String, Long> quarantined,
        @JsonProperty("data_file") String dataFile,
        @JsonProperty("content_sha256") String contentSha256,
        @JsonProperty("quarantine_file") String quarantineFile,
        @JsonProperty("columns") List<Column> columns,
        @JsonProperty("pseudonym_key_id") String pseudonymKeyId,
        @JsonProperty("published_by") String publishedBy,
        @JsonProperty("published_at") Instant publishedAt) {

    static final int FORMAT = 1;
    static final String FILE_NAME = "manifest.json";
    static final String DATA_FILE = "data.parquet";
    static final String QUARANTINE_FILE = "quarantine.parquet";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Column(
            @JsonProperty("name") String name,
            @JsonProperty("type") String type,
            @JsonProperty("privacy") PrivacyClass privacy,
            @JsonProperty("nullable") boolean nullable) {
    }

    static SnapshotManifest of(Snapshot snapshot, String pseudonymKeyId) {
        return new SnapshotManifest(FORMAT, snapshot.id(), snapshot.table(), snapshot.businessDate(),
                snapshot.contractVersion(), snapshot.sourceFile(), snapshot.sourceSha256(), snapshot.sourceRows(),
                snapshot.rowCount(), snapshot.quarantined(), DATA_FILE, snapshot.contentSha256(), QUARANTINE_FILE,
                snapshot.columns().stream().map(c -> new Column(c.name(), c.type(), c.privacy(), c.nullable())).toList(),
                pseudonymKeyId, snapshot.publishedBy(), snapshot.publishedAt());
    }

    Snapshot toSnapshot(String location) {
        return new Snapshot(snapshotId, table, businessDate, contractVersion, sourceFile, sourceSha256, sourceRows,
                rowCount, quarantined, contentSha256,
                columns.stream().map(c -> new SnapshotColumn(c.name(), c.type(), c.privacy(), c.nullable())).toList(),
                location, publishedBy, publishedAt);
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("a manifest could not be written as JSON", e);
        }
    }

    static SnapshotManifest read(Path file) {
        SnapshotManifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), SnapshotManifest.class);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "manifest " + file + " cannot be read: " + e.getMessage());
        }
        if (manifest.manifestFormat() != FORMAT) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "manifest " + file + " has manifest_format "
                    + manifest.manifestFormat() + "; this build reads format " + FORMAT);
        }
        return manifest;
    }
}
