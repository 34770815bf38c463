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
        // Whatever a caller or an error message put here, an event stays one line of bounded text.
        before = Names.printable(requireNonNull(before, "before is null"), 400);
        after = Names.printable(requireNonNull(after, "after is null"), 400);
        reason = Names.printable(requireNonNull(reason, "reason is null"), 8000);
        requestId = Names.printable(requireNonNull(requestId, "requestId is null"), 100);
    }
}
