package io.assay.data.ingest;

import io.assay.core.data.DataCatalog;
import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DataLayout;
import io.assay.data.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Moves a finished staging folder into place and records it. The rename is the commit point:
 * before it there is no snapshot, after it a complete one. A crash between the rename and the
 * catalog write leaves a complete folder that {@link #recover} verifies and registers.
 */
final class SnapshotPublisher {
    private final DataLayout layout;
    private final DataCatalog catalog;

    SnapshotPublisher(DataLayout layout, DataCatalog catalog) {
        this.layout = requireNonNull(layout, "layout is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** Publishes a staging folder holding the data, quarantine and manifest files. */
    Snapshot publish(Path stagingFolder, SnapshotManifest manifest) throws IOException {
        Snapshot snapshot = manifest.toSnapshot(layout.snapshotLocation(manifest.table(), manifest.businessDate(),
                manifest.snapshotId()));
        DurableFiles.writeAtomically(stagingFolder.resolve(SnapshotManifest.FILE_NAME), manifest.toJson());
        DurableFiles.sync(stagingFolder.resolve(SnapshotManifest.DATA_FILE));
        DurableFiles.sync(stagingFolder.resolve(SnapshotManifest.QUARANTINE_FILE));
        DurableFiles.sync(stagingFolder);
        Path target = layout.folderOf(snapshot);
        Files.createDirectories(target.getParent());
        Files.move(stagingFolder, target, StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.sync(target.getParent());
        catalog.recordSnapshot(snapshot);
        return snapshot;
    }

    /**
     * Registers a snapshot folder that an interrupted run published but did not record. Returns
     * empty when there is no such folder; a folder whose content does not match its manifest is
     * moved aside (never deleted: it is evidence) so the batch can be ingested again.
     */
    Optional<Snapshot> recover(String table, java.time.LocalDate businessDate, String snapshotId) throws IOException {
        Path folder = layout.root().resolve(layout.snapshotLocation(table, businessDate, snapshotId));
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try {
            SnapshotManifest manifest = SnapshotManifest.read(folder.resolve(SnapshotManifest.FILE_NAME));
            String content = DurableFiles.sha256(folder.resolve(manifest.dataFile()));
            if (!content.equals(manifest.contentSha256()) || !manifest.snapshotId().equals(snapshotId)) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "content does not match the manifest");
            }
            Snapshot snapshot = manifest.toSnapshot(layout.snapshotLocation(table, businessDate, snapshotId));
            catalog.recordSnapshot(snapshot);
            return Optional.of(snapshot);
        } catch (AssayException | IOException unusable) {
            if (unusable instanceof AssayException assay && assay.code() == ErrorCode.ALREADY_EXISTS) {
                throw assay;
            }
            Path aside = layout.root().resolve("damaged").resolve(snapshotId + "-" + System.nanoTime());
            Files.createDirectories(aside.getParent());
            Files.move(folder, aside, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        }
    }
}
