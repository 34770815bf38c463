package io.assay.core.data;

import java.util.List;
import java.util.Optional;

/**
 * Port: the data environment's metadata — published snapshots, access grants and the read log.
 * Every method is one transaction. Grants, revocations and reads are also appended to the audit
 * chain ({@link DataAuditEvents}) in that same transaction. Implementations: in-memory (tests), SQLite and PostgreSQL, all
 * held to the same contract test suite.
 */
public interface DataCatalog {

    /**
     * Records a published snapshot.
     *
     * @throws io.assay.core.error.AssayException ALREADY_EXISTS when a snapshot with this id,
     *         or from the same source content for the same table and day, is already recorded
     */
    void recordSnapshot(Snapshot snapshot);

    Optional<Snapshot> findSnapshot(String id);

    /** The snapshot published from this exact source content for this table and day, if any. */
    Optional<Snapshot> findSnapshotBySource(String table, java.time.LocalDate businessDate, String sourceSha256);

    /** All snapshots, or those of one table, ordered by table, business date and publication time. */
    List<Snapshot> listSnapshots(Optional<String> table);

    /** @throws io.assay.core.error.AssayException ALREADY_EXISTS when the id is taken */
    void saveGrant(AccessGrant grant);

    Optional<AccessGrant> findGrant(String id);

    /**
     * Ends a grant early.
     *
     * @throws io.assay.core.error.AssayException NOT_FOUND for an unknown id, CONCURRENT_CHANGE
     *         when the grant is already revoked
     */
    AccessGrant revokeGrant(String id, Revocation revocation);

    /** All grants of one user (or of everyone), newest first. */
    List<AccessGrant> listGrants(Optional<String> user);

    void recordRead(DataRead read);

    /** The read log, oldest first. */
    List<DataRead> listReads(Optional<String> user);
}
