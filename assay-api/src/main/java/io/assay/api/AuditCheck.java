package io.assay.api;

import java.util.Optional;

/** What 'audit verify' found; {@code problem} names what broke at the first broken sequence. */
public record AuditCheck(boolean intact, long eventsChecked, Optional<Long> firstBrokenSequence, String problem,
                         Optional<Long> headSequence, Optional<String> headHash, Optional<Long> checkpointSequence) {
}
