package io.assay.core.access;

import io.assay.core.common.Names;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An API token as stored: who it acts for and the SHA-256 of its secret — never the secret,
 * which is shown once when the token is created.
 */
public record ApiToken(String id, String user, String label, String secretSha256, String createdBy, Instant createdAt,
                       Optional<Instant> expiresAt, Optional<Instant> revokedAt) {
    public ApiToken {
        Names.requireText("token id", id, 64);
        Names.requireUserName(user);
        label = Names.requireText("token label", label, 200);
        requireNonNull(secretSha256, "secretSha256 is null");
        Names.requireUserName(createdBy);
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(revokedAt, "revokedAt is null");
    }

    public boolean isLiveAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    public ApiToken withRevokedAt(Instant when) {
        return new ApiToken(id, user, label, secretSha256, createdBy, createdAt, expiresAt, Optional.of(when));
    }
}
