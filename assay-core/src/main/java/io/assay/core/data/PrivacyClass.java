package io.assay.core.data;

/** How sensitive a column is; decides what pseudonymisation does with it. */
public enum PrivacyClass {
    /** Names a person on its own (name, IBAN, e-mail, phone): dropped or replaced by a keyed token. */
    DIRECT_IDENTIFIER,
    /** Identifies in combination (age, region, postcode): kept, but never exported raw. */
    QUASI_IDENTIFIER,
    /** Special category or protected attribute: kept for fairness tests only. */
    SENSITIVE,
    PLAIN
}
