package io.assay.data.ingest;

import static java.util.Objects.requireNonNull;

/**
 * Why one row was quarantined. {@code detail} shows the failing value only where that is safe:
 * values of identifier and free-text columns are withheld.
 */
public record Violation(long row, Rule rule, String column, String detail) {
    public Violation {
        requireNonNull(rule, "rule is null");
        requireNonNull(column, "column is null");
        requireNonNull(detail, "detail is null");
    }
}
