package io.assay.api;

import java.time.Instant;

/** One audit event with the hashes that chain it, as exported to auditors. */
public record AuditEventView(long sequence, Instant time, String actor, String action, String subject, String before, String after,
                             String reason, String requestId, String previousHash, String hash) {
}
