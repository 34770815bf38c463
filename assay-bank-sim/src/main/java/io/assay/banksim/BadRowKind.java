package io.assay.banksim;

/** The ways the extract breaks rows on purpose, as real extracts break (EXTRACT_FORMAT.md, "Bad rows"). */
enum BadRowKind {
    /** A date or timestamp that is not {@code yyyy-MM-dd} ({@code yyyy-MM-ddTHH:mm:ss}). */
    MALFORMED_DATE,
    /** A customer's age below zero. */
    NEGATIVE_AGE,
    /** A code outside the column's list, e.g. category {@code CRYPTO}. */
    UNKNOWN_CODE,
    /** A row that repeats the id of an earlier, valid row in the same file. */
    DUPLICATE_ID,
    /** An empty value in a column that must have one. */
    MISSING_REQUIRED,
    /** A raw IBAN in free text. */
    LEAKED_IBAN,
    /** An e-mail address in free text. */
    LEAKED_EMAIL,
    /** A phone number in free text. */
    LEAKED_PHONE
}
