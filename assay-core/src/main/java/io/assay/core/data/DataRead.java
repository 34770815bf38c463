package io.assay.core.data;

import io.assay.core.common.Names;

import java.time.Instant;
import java.util.List;

import static io.assay.core.common.Names.requireText;
import static io.assay.core.common.Names.requireUserName;
import static java.util.Objects.requireNonNull;

/**
 * One attempt to read the data environment, allowed or refused: who, why, which tables,
 * under which grants, and what was read (a statement's hash, a feature build's name).
 */
public record DataRead(
        String id,
        String user,
        String purpose,
        List<String> tables,
        List<String> grantIds,
        Outcome outcome,
        String detail,
        Instant readAt) {

    public enum Outcome {
        ALLOWED,
        REFUSED
    }

    public DataRead {
        requireText("read id", id, 128);
        requireUserName(user);
        requireText("purpose", purpose, 2000);
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        tables.forEach(Names::requireTableName);
        grantIds = List.copyOf(requireNonNull(grantIds, "grantIds is null"));
        requireNonNull(outcome, "outcome is null");
        requireText("detail", detail, 2000);
        requireNonNull(readAt, "readAt is null");
        if (outcome == Outcome.ALLOWED && grantIds.isEmpty()) {
            throw new IllegalArgumentException("an allowed read names the grants that allowed it");
        }
    }
}
