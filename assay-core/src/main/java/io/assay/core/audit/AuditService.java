package io.assay.core.audit;

import io.assay.core.access.Permission;
import io.assay.core.registry.RegistryTransaction;
import io.assay.core.access.User;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.AuditedChanges;
import io.assay.core.registry.RegistryStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** Reading the audit log as an auditor: verify the chain, export its head as a checkpoint, export events. */
public final class AuditService {
    private final RegistryStore store;
    private final AuditedChanges changes;

    public AuditService(RegistryStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.changes = new AuditedChanges(store, clock);
    }

    /**
     * Walks the whole chain (streaming) and holds it to a checkpoint: the one given (exported
     * earlier), else the head the store records beside the events, read before the walk so that
     * events appended meanwhile do not matter.
     */
    public AuditVerification verify(String actorName, Optional<AuditCheckpoint> checkpoint) {
        Permission.VERIFY_AUDIT.require(store.activeActor(actorName));
        return verify(checkpoint);
    }

    /** The same walk without an actor, for tools that hold a store to its chain directly (benchmarks, tamper tests). */
    public AuditVerification verify(Optional<AuditCheckpoint> checkpoint) {
        AuditVerifier verifier = AuditVerifier.against(checkpoint.orElseGet(store::recordedHead));
        store.scanAudit(1, Long.MAX_VALUE, verifier);
        return verifier.result();
    }

    /**
     * The chain's head as it is now, for the auditor to keep outside Assay. Taking it is itself
     * recorded, as the event after the head.
     */
    public AuditCheckpoint checkpoint(String actorName, String requestId) {
        return changes.run(actorName, "audit.checkpoint", "audit", requestId, tx -> {
            requireAuditor(tx, actorName);
            Instant now = changes.now();
            AuditCheckpoint head = tx.auditHead().map(event -> new AuditCheckpoint(event.sequence(), event.hash(), now))
                    .orElse(new AuditCheckpoint(0, AuditChain.GENESIS, now));
            tx.appendAudit(new AuditEntry(now, actorName, "audit.checkpoint", "audit", "-", "sequence " + head.sequence(),
                    "checkpoint of the chain head exported", requestId));
            return head;
        });
    }

    /** Feeds the events recorded in [from, to) to {@code consumer}, in order; the export itself is recorded. */
    public long export(String actorName, Instant from, Instant to, Consumer<AuditEvent> consumer, String requestId) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        changes.run(actorName, "audit.export", "audit", requestId, tx -> {
            requireAuditor(tx, actorName);
            return tx.appendAudit(new AuditEntry(changes.now(), actorName, "audit.export", "audit", "-", "-",
                    "events from " + from + " to " + to, requestId));
        });
        long[] exported = {0};
        store.scanAudit(1, Long.MAX_VALUE, event -> {
            Instant time = event.entry().time();
            if (!time.isBefore(from) && time.isBefore(to)) {
                consumer.accept(event);
                exported[0]++;
            }
        });
        return exported[0];
    }

    private static void requireAuditor(RegistryTransaction tx, String actorName) {
        Permission.READ_AUDIT.require(tx.activeActor(actorName));
    }
}
