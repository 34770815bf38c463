package io.assay.core.audit;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The outcome of walking the chain: intact, or the first sequence number where it breaks and how. */
public record AuditVerification(long eventsChecked, Optional<Long> firstBrokenSequence, String problem,
                                Optional<AuditEvent> head) {
    public AuditVerification {
        requireNonNull(firstBrokenSequence, "firstBrokenSequence is null");
        requireNonNull(problem, "problem is null");
        requireNonNull(head, "head is null");
    }

    public boolean intact() {
        return firstBrokenSequence.isEmpty();
    }
}
