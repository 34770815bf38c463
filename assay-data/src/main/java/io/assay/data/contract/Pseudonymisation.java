package io.assay.data.contract;

/** What ingest does with a column's value before it reaches a snapshot. */
public enum Pseudonymisation {
    KEEP,
    /** Replaced by a keyed HMAC-SHA256 token: the same input gives the same token every day. */
    TOKENISE,
    /** Not stored at all. */
    DROP
}
