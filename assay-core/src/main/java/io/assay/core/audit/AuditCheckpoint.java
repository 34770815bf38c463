package io.assay.core.audit;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The chain's head at one moment, kept outside Assay (a file an auditor holds): a chain rewritten
 * from end to end, consistent in itself, still disagrees with it.
 */
public record AuditCheckpoint(long sequence, String hash, Instant exportedAt) {
    public AuditCheckpoint {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence " + sequence + " is negative");
        }
        requireNonNull(hash, "hash is null");
        requireNonNull(exportedAt, "exportedAt is null");
    }
}
