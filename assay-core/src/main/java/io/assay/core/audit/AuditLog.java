package io.assay.core.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: the one hash-chained audit log of a home, which the registry and the data catalog both
 * append to (a state change and its event commit together: stores append inside the change's own
 * transaction; {@link #append} is for an event that is a change of its own, such as a refusal).
 */
public interface AuditLog {
    /** Appends an event in a transaction of its own, linked to the current head. */
    AuditEvent append(AuditEntry entry);

    /** The chain's last event, if any. */
    Optional<AuditEvent> auditHead();

    /**
     * Where the store records the chain's head (sequence and hash) apart from the events, so that
     * events cut from the end are noticed; sequence 0 and the genesis hash for an empty chain.
     */
    AuditCheckpoint recordedHead();

    /** The events about one subject (e.g. {@code model:churn/v3}), oldest first. */
    List<AuditEvent> auditOf(String subject);

    /** Feeds the events with sequence numbers in [from, to] to {@code consumer}, in order, streaming. */
    void scanAudit(long from, long to, Consumer<AuditEvent> consumer);
}
