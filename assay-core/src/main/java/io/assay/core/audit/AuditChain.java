package io.assay.core.audit;

import io.assay.core.common.CanonicalHash;

/** How events are linked: each hash covers the event's sequence, its content and the previous event's hash. */
public final class AuditChain {
    /** The "previous hash" of the first event. */
    public static final String GENESIS = "0".repeat(64);
    private static final String FORMAT = "assay-audit-event/1";

    private AuditChain() {}

    public static String hash(long sequence, AuditEntry entry, String previousHash) {
        return CanonicalHash.of(FORMAT)
                .add(sequence)
                .add(entry.time().toString())
                .add(entry.actor())
                .add(entry.action())
                .add(entry.subject())
                .add(entry.before())
                .add(entry.after())
                .add(entry.reason())
                .add(entry.requestId())
                .add(previousHash)
                .hex();
    }

    /** The event that follows {@code previous} (null for the first one). */
    public static AuditEvent link(AuditEvent previous, AuditEntry entry) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? GENESIS : previous.hash();
        return new AuditEvent(sequence, entry, previousHash, hash(sequence, entry, previousHash));
    }
}
