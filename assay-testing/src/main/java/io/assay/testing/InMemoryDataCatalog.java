package io.assay.testing;

import io.assay.core.audit.AuditChain;
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

/** The data catalog in memory, behaving like the JDBC one (same errors, same orderings); held to the same contract. */
public final class InMemoryDataCatalog implements DataCatalog {
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    private final Map<String, AccessGrant> grants = new LinkedHashMap<>();
    private final List<DataRead> reads = new ArrayList<>();
    private final List<AuditEvent> audit = new ArrayList<>();

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
            throw new AssayException(ErrorCode.CONCURRENT_CHANGE, "grant " + id + " is already revoked");
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

    /** The audit chain of this catalog's grants, revocations and reads (the registry's fake keeps its own). */
    public synchronized List<AuditEvent> auditEvents() {
        return List.copyOf(audit);
    }

    private void audit(AuditEntry entry) {
        audit.add(AuditChain.link(audit.isEmpty() ? null : audit.get(audit.size() - 1), entry));
    }

    @Override
    public synchronized List<DataRead> listReads(Optional<String> user) {
        return reads.stream()
                .filter(r -> user.map(r.user()::equals).orElse(true))
                .sorted(Comparator.comparing(DataRead::readAt))
                .toList();
    }
}
