package io.assay.data.ingest;

/** The rules a batch row can break; each quarantined row names the first rule it broke. */
public enum Rule {
    FIELD_COUNT,
    TRUNCATED_ROW,
    MISSING_VALUE,
    TOO_LONG,
    INVALID_NUMBER,
    INVALID_DATE,
    INVALID_TIMESTAMP,
    PATTERN_MISMATCH,
    OUT_OF_RANGE,
    UNKNOWN_CODE,
    NOT_ON_BUSINESS_DATE,
    LEAKED_IDENTIFIER,
    DUPLICATE_KEY
}
