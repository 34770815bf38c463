package io.assay.data.ingest;

import io.assay.core.common.Names;
import io.assay.core.data.DataCatalog;
import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DataLayout;
import io.assay.data.DurableFiles;
import io.assay.data.contract.Contracts;
import io.assay.data.contract.DataContract;
import io.assay.data.privacy.PseudonymKey;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Ingests one batch file into one table's snapshot for one business day: checks it against the
 * table's contract, pseudonymises it, quarantines bad rows with their reasons and publishes an
 * immutable Parquet snapshot — or rejects the batch whole and publishes nothing. Re-ingesting
 * the same content is a no-op. One ingest per table and day runs at a time (a file lock).
 */
public final class BatchIngester {
    private final DataLayout layout;
    private final Contracts contracts;
    private final DataCatalog catalog;
    private final PseudonymKey key;
    private final Clock clock;
    private final String memoryLimit;
    private final SnapshotPublisher publisher;

    public BatchIngester(DataLayout layout, Contracts contracts, DataCatalog catalog, PseudonymKey key, Clock clock,
                         String memoryLimit) {
        this.layout = requireNonNull(layout, "layout is null");
        this.contracts = requireNonNull(contracts, "contracts is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.key = requireNonNull(key, "key is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.memoryLimit = requireNonNull(memoryLimit, "memoryLimit is null");
        this.publisher = new SnapshotPublisher(layout, catalog);
    }

    public IngestResult ingest(Path file, String table, LocalDate businessDate, String user) {
        return ingest(file, table, businessDate, user, Optional.empty());
    }

    /** As {@link #ingest(Path, String, LocalDate, String)}, first checking the file against the extract's control totals. */
    public IngestResult ingest(Path file, String table, LocalDate businessDate, String user, Optional<ControlTotals> expected) {
        Instant started = clock.instant();
        DataContract contract = contracts.forTable(table);
        Names.requireUserName(user);
        requireNonNull(businessDate, "businessDate is null");
        LocalDate today = LocalDate.ofInstant(started, clock.getZone());
        if (businessDate.isAfter(today)) {
            throw invalid(file, "has business date " + businessDate + ", which is in the future (today is " + today + ")");
        }
        requireReadableFile(file);
        try {
            Files.createDirectories(layout.staging());
            Path lockFile = layout.staging().resolve(table + "-" + businessDate + ".lock");
            try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = tryLock(lockChannel, table, businessDate)) {
                clearStaleStaging(table, businessDate);
                Path staging = layout.staging().resolve(table + "-" + businessDate + "-" + UUID.randomUUID());
                Files.createDirectories(staging);
                try {
                    return ingestLocked(file, contract, businessDate, user, expected, staging, started);
                } finally {
                    DurableFiles.deleteRecursively(staging);
                }
            }
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "ingest of " + file.getFileName() + " failed on storage: " + e);
        } catch (SQLException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "ingest of " + file.getFileName() + " failed in the staging database: "
                    + e.getMessage());
        }
    }

    private IngestResult ingestLocked(Path file, DataContract contract, LocalDate businessDate, String user,
                                      Optional<ControlTotals> expected, Path staging, Instant started)
            throws IOException, SQLException {
        String sourceSha256;
        long sourceRows;
        StagedRowFormat format = new StagedRowFormat(contract);
        try (StagingTable table = new StagingTable(contract, format, staging, memoryLimit)) {
            BatchReader reader = new BatchReader(file, contract, businessDate, key, format);
            BatchReader.Totals totals = reader.readInto(table);
            sourceSha256 = totals.sha256();
            sourceRows = totals.rows();
            if (expected.isPresent() && (expected.get().rows() != sourceRows || !expected.get().sha256().equals(sourceSha256))) {
                throw invalid(file, "does not match the extract's control totals: expected " + expected.get().rows()
                        + " rows with SHA-256 " + expected.get().sha256() + ", found " + sourceRows + " rows with SHA-256 "
                        + sourceSha256 + " (was it cut short or changed in transit?)");
            }
            Optional<Snapshot> existing = catalog.findSnapshotBySource(contract.table(), businessDate, sourceSha256);
            if (existing.isPresent()) {
                return new IngestResult(IngestResult.Outcome.ALREADY_INGESTED, existing.get(), since(started));
            }
            String snapshotId = Snapshot.idFor(contract.table(), businessDate, sourceSha256);
            Optional<Snapshot> recovered = publisher.recover(contract.table(), businessDate, snapshotId);
            if (recovered.isPresent()) {
                return new IngestResult(IngestResult.Outcome.RECOVERED, recovered.get(), since(started));
            }
            Path publish = Files.createDirectories(staging.resolve("publish"));
            Path data = publish.resolve(SnapshotManifest.DATA_FILE);
            table.exportRows(data, businessDate);
            table.quarantineDuplicateKeys(data);
            Map<String, Long> quarantined = table.quarantineCounts();
            long bad = quarantined.values().stream().mapToLong(Long::longValue).sum();
            if (contract.rejects(bad, sourceRows)) {
                throw rejection(file, contract, businessDate, sourceRows, bad, quarantined, table, snapshotId);
            }
            table.exportQuarantine(publish.resolve(SnapshotManifest.QUARANTINE_FILE));
            long published = table.stagedRows();
            String contentSha256 = DurableFiles.sha256(data);
            Snapshot snapshot = new Snapshot(snapshotId, contract.table(), businessDate, contract.version(),
                    file.getFileName().toString(), sourceSha256, sourceRows, published, quarantined, contentSha256,
                    contract.snapshotSchema(), layout.snapshotLocation(contract.table(), businessDate, snapshotId), user,
                    // To the microsecond, as the catalog keeps it: the answer and a later read show the same instant.
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            return new IngestResult(IngestResult.Outcome.PUBLISHED,
                    publisher.publish(publish, SnapshotManifest.of(snapshot, key.keyId())), since(started));
        }
    }

    private BatchRejectedException rejection(Path file, DataContract contract, LocalDate businessDate, long sourceRows,
                                             long bad, Map<String, Long> quarantined, StagingTable table,
                                             String snapshotId) throws SQLException, IOException {
        Path reportFile = layout.rejected().resolve(snapshotId + ".json");
        BatchRejectedException.Report report = new BatchRejectedException.Report(file.getFileName().toString(),
                contract.table(), businessDate.toString(), sourceRows, bad, contract.maxRejectedShare(), contract.toleratedBadRows(), quarantined,
                table.quarantineExamples(), reportFile);
        DurableFiles.writeAtomically(reportFile, RejectionReports.toJson(report));
        return new BatchRejectedException(report);
    }

    private static FileLock tryLock(FileChannel channel, String table, LocalDate businessDate) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException heldHere) {
            // falls through: another ingest in this process holds it
        }
        throw new AssayException(ErrorCode.CONCURRENT_CHANGE, "another ingest of table " + table + " for " + businessDate
                + " is running; try again when it has finished");
    }

    /** Staging folders of this table and day that a killed run left behind (we hold the lock, so nobody uses them). */
    private void clearStaleStaging(String table, LocalDate businessDate) throws IOException {
        String prefix = table + "-" + businessDate + "-";
        try (var leftovers = Files.list(layout.staging())) {
            for (Path leftover : leftovers.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                DurableFiles.deleteRecursively(leftover);
            }
        }
    }

    private static void requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw invalid(file, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw invalid(file, "is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw invalid(file, "cannot be read (permissions)");
        }
    }

    private Duration since(Instant started) {
        return Duration.between(started, clock.instant());
    }

    static AssayException invalid(Path file, String problem) {
        return new AssayException(ErrorCode.INVALID_BATCH, "batch file " + file + " " + problem);
    }
}
