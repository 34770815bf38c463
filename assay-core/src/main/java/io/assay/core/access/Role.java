package io.assay.core.access;

/** What a person or a business application may do in Assay; a user holds one or more. */
public enum Role {
    DATA_SCIENTIST,
    MLOPS,
    LEGAL_REVIEWER,
    DATA_REVIEWER,
    COMPLIANCE_REVIEWER,
    /** Grants and revokes data access (never to themselves) and ingests the daily batches. */
    DATA_STEWARD,
    /** Reads everything, changes nothing; exports the audit log. */
    AUDITOR,
    /** A business application: scoring only. */
    APP,
    /** Users and tokens; no say in any model's lifecycle. */
    ADMIN;

    /** Whether an approval under this role can count towards a use case's review policy. */
    public boolean isReviewer() {
        return switch (this) {
            case LEGAL_REVIEWER, DATA_REVIEWER, COMPLIANCE_REVIEWER -> true;
            case DATA_SCIENTIST, MLOPS, DATA_STEWARD, AUDITOR, APP, ADMIN -> false;
        };
    }

    /** Whether holding this role beside ADMIN would let an admin give themselves what the role guards. */
    public boolean excludesAdmin() {
        return switch (this) {
            case LEGAL_REVIEWER, DATA_REVIEWER, COMPLIANCE_REVIEWER, DATA_STEWARD -> true;
            case DATA_SCIENTIST, MLOPS, AUDITOR, APP, ADMIN -> false;
        };
    }
}
