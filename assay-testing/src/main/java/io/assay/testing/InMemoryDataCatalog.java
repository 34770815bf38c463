package io.assay.testing;

import io.assay.core.audit.AuditLog;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;
import io.assay.core.data.AccessGrant;
import io.assay.core.data.DataAuditEvents;
import io.assay.core.data.DataCatalog;
import io.assay.core.data.DataRead;
import io.assay.core.data.Revocation;
import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data catalog in memory, behaving like the JDBC one (same errors, same orderings); held to
 * the same contract. Grants, revocations and reads join the audit log it is given, as the JDBC
 * catalog's join the registry's chain: one chain per home.
 */
public final class InMemoryDataCatalog implements DataCatalog {
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    private final Map<String, AccessGrant> grants = new LinkedHashMap<>();
    private final List<DataRead> reads = new ArrayList<>();
    private final AuditLog audit;

    /** A catalog with an audit log of its own (an in-memory registry store nobody else uses). */
    public InMemoryDataCatalog() {
        this(new InMemoryRegistryStore());
    }

    /** A catalog appending to {@code audit}, typically the in-memory registry store of the same test. */
    public InMemoryDataCatalog(AuditLog audit) {
        this.audit = java.util.Objects.requireNonNull(audit, "audit is null");
    }

    @Override
    public synchronized void recordSnapshot(Snapshot snapshot) {
        if (snapshots.containsKey(snapshot.id())
                || findSnapshotBySource(snapshot.table(), snapshot.businessDate(), snapshot.sourceSha256()).isPresent()) {
            throw new AssayException(ErrorCode.ALREADY_EXISTS, "snapshot " + snapshot.id() + " is already recorded");
        }
        snapshots.put(snapshot.id(), snapshot);
    }

    @Override
    public synchronized Optional<Snapshot> findSnapshot(String id) {
        return Optional.ofNullable(snapshots.get(id));
    }

    @Override
    public synchronized Optional<Snapshot> findSnapshotBySource(String table, LocalDate businessDate, String sourceSha256) {
        return snapshots.values().stream()
                .filter(s -> s.table().equals(table) && s.businessDate().equals(businessDate) && s.sourceSha256().equals(sourceSha256))
                .findFirst();
    }

    @Override
    public synchronized List<Snapshot> listSnapshots(Optional<String> table) {
        return snapshots.values().stream()
                .filter(s -> table.map(s.table()::equals).orElse(true))
                .sorted(Comparator.comparing(Snapshot::table).thenComparing(Snapshot::businessDate)
                        .thenComparing(Snapshot::publishedAt).thenComparing(Snapshot::id))
                .toList();
    }

    @Override
    public synchronized void saveGrant(AccessGrant grant) {
        if (grants.putIfAbsent(grant.id(), grant) != null) {
            throw new AssayException(ErrorCode.ALREADY_EXISTS, "grant " + grant.id() + " already exists");
        }
        audit(DataAuditEvents.granted(grant));
    }

    @Override
    public synchronized Optional<AccessGrant> findGrant(String id) {
        return Optional.ofNullable(grants.get(id));
    }

    @Override
    public synchronized AccessGrant revokeGrant(String id, Revocation revocation) {
        AccessGrant grant = grants.get(id);
        if (grant == null) {
            throw AssayException.notFound("no grant " + id);
        }
        if (grant.revocation().isPresent()) {
            throw new AssayException(ErrorCode.ALREADY_DONE, "grant " + id + " was revoked already; nothing changed");
        }
        AccessGrant revoked = grant.withRevocation(revocation);
        grants.put(id, revoked);
        audit(DataAuditEvents.revoked(grant, revocation));
        return revoked;
    }

    @Override
    public synchronized List<AccessGrant> listGrants(Optional<String> user) {
        return grants.values().stream()
                .filter(g -> user.map(g.user()::equals).orElse(true))
                .sorted(Comparator.comparing(AccessGrant::grantedAt).reversed().thenComparing(AccessGrant::id))
                .toList();
    }

    @Override
    public synchronized void recordRead(DataRead read) {
        if (reads.stream().anyMatch(r -> r.id().equals(read.id()))) {
            throw new AssayException(ErrorCode.ALREADY_EXISTS, "read " + read.id() + " is already recorded");
        }
        reads.add(read);
        audit(DataAuditEvents.read(read));
    }

    /** The audit log this catalog appends to. */
    public AuditLog audit() {
        return audit;
    }

    /** The audit chain this catalog appends to, whole. */
    public List<AuditEvent> auditEvents() {
        List<AuditEvent> events = new ArrayList<>();
        audit.scanAudit(1, Long.MAX_VALUE, events::add);
        return events;
    }

    private void audit(AuditEntry entry) {
        audit.append(entry);
    }

    @Override
    public synchronized List<DataRead> listReads(Optional<String> user) {
        return reads.stream()
                .filter(r -> user.map(r.user()::equals).orElse(true))
                .sorted(Comparator.comparing(DataRead::readAt))
                .toList();
    }
}
