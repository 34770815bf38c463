package io.assay.api;

import java.time.Instant;
import java.util.Optional;

/** A token's record; {@code token} holds the secret only in the answer that issued it. */
public record TokenView(String id, String user, String label, String createdBy, Instant createdAt, Optional<Instant> expiresAt,
                        Optional<Instant> revokedAt, Optional<String> token) {
}
