package io.assay.core.audit;

import io.assay.core.common.CanonicalHash;

import java.time.temporal.ChronoUnit;

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

    /**
     * The event that follows {@code previous} (null for the first one). Its time is cut to the
     * microsecond, what every store keeps, so the event hashes the same after a round trip.
     */
    public static AuditEvent link(AuditEvent previous, AuditEntry entry) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? GENESIS : previous.hash();
        return link(sequence, previousHash, entry);
    }

    /** The event at {@code sequence} after an event whose hash is {@code previousHash}. */
    public static AuditEvent link(long sequence, String previousHash, AuditEntry entry) {
        AuditEntry stored = new AuditEntry(entry.time().truncatedTo(ChronoUnit.MICROS), entry.actor(), entry.action(), entry.subject(),
                entry.before(), entry.after(), entry.reason(), entry.requestId());
        return new AuditEvent(sequence, stored, previousHash, hash(sequence, stored, previousHash));
    }
}
