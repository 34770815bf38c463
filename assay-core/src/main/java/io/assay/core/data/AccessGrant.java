package io.assay.core.data;

import io.assay.core.common.Names;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static io.assay.core.common.Names.requireText;
import static io.assay.core.common.Names.requireUserName;
import static java.util.Objects.requireNonNull;

/**
 * Permission for one user to read some tables of the data environment for a stated purpose,
 * until the end of {@code expiresOn} (in the bank's time zone) unless revoked earlier.
 */
public record AccessGrant(
        String id,
        String user,
        String purpose,
        List<String> tables,
        LocalDate expiresOn,
        String grantedBy,
        Instant grantedAt,
        Optional<Revocation> revocation) {

    public AccessGrant {
        requireText("grant id", id, 128);
        requireUserName(user);
        requireText("purpose", purpose, 500);
        tables = List.copyOf(requireNonNull(tables, "tables is null")).stream().sorted().distinct().toList();
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a grant needs at least one table");
        }
        tables.forEach(Names::requireTableName);
        requireNonNull(expiresOn, "expiresOn is null");
        requireUserName(grantedBy);
        requireNonNull(grantedAt, "grantedAt is null");
        requireNonNull(revocation, "revocation is null");
    }

    public boolean isLiveAt(Instant now, ZoneId zone) {
        return revocation.isEmpty() && !now.atZone(zone).toLocalDate().isAfter(expiresOn);
    }

    public boolean covers(String table) {
        return tables.contains(table);
    }

    public AccessGrant withRevocation(Revocation revocation) {
        return new AccessGrant(id, user, purpose, tables, expiresOn, grantedBy, grantedAt, Optional.of(revocation));
    }
}
