package io.assay.core.data;

import java.time.Instant;

import static io.assay.core.common.Names.requireUserName;
import static java.util.Objects.requireNonNull;

/** Who ended a grant early, and when. */
public record Revocation(String revokedBy, Instant revokedAt) {
    public Revocation {
        requireUserName(revokedBy);
        requireNonNull(revokedAt, "revokedAt is null");
    }
}
