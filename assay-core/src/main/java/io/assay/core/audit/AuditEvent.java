package io.assay.core.audit;

import static java.util.Objects.requireNonNull;

/**
 * An entry in its place in the append-only chain: its sequence number, the hash of the event
 * before it, and its own hash over both and its content ({@link AuditChain#hash}).
 */
public record AuditEvent(long sequence, AuditEntry entry, String previousHash, String hash) {
    public AuditEvent {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence " + sequence + " is not positive");
        }
        requireNonNull(entry, "entry is null");
        requireNonNull(previousHash, "previousHash is null");
        requireNonNull(hash, "hash is null");
    }
}
