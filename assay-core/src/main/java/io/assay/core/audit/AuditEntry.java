package io.assay.core.audit;

import io.assay.core.common.Names;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * What happened, before it takes its place in the chain: who did what to which subject, the
 * state before and after, why, when, and the request it came with.
 */
public record AuditEntry(Instant time, String actor, String action, String subject, String before, String after,
                         String reason, String requestId) {
    public AuditEntry {
        requireNonNull(time, "time is null");
        Names.requireUserName(actor);
        action = Names.requireText("audit action", action, 100);
        subject = Names.requireText("audit subject", subject, 300);
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(requestId, "requestId is null");
    }
}
