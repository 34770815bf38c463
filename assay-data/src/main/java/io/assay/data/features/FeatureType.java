package io.assay.data.features;

import java.util.Locale;
import java.util.Set;

/**
 * The types a feature view may declare for an output column, the DuckDB types each accepts from
 * the view's SQL, and the one type it is published as. A DECIMAL is not a DOUBLE: a view that
 * means a DOUBLE casts, so money never turns into a float by accident.
 */
public enum FeatureType {
    DOUBLE("DOUBLE", Set.of("DOUBLE", "FLOAT")),
    INTEGER("BIGINT", Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER")),
    STRING("VARCHAR", Set.of("VARCHAR")),
    BOOLEAN("BOOLEAN", Set.of("BOOLEAN")),
    DATE("DATE", Set.of("DATE"));

    private final String publishedAs;
    private final Set<String> accepted;

    FeatureType(String publishedAs, Set<String> accepted) {
        this.publishedAs = publishedAs;
        this.accepted = accepted;
    }

    /** The DuckDB type of the published column. */
    public String publishedAs() {
        return publishedAs;
    }

    public boolean accepts(String duckdbType) {
        return accepted.contains(duckdbType.toUpperCase(Locale.ROOT));
    }

    public boolean isNumeric() {
        return this == DOUBLE || this == INTEGER;
    }
}
