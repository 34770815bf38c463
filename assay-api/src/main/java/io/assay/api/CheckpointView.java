package io.assay.api;

import java.time.Instant;

/** The chain's head as exported to a file kept outside Assay (format 1). */
public record CheckpointView(int checkpointFormat, long sequence, String hash, Instant exportedAt) {
    public static final int FORMAT = 1;
}
