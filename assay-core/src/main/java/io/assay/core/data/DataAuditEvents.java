package io.assay.core.data;

import io.assay.core.audit.AuditEntry;

/**
 * The audit events of the data environment: every grant, revocation and read (allowed or
 * refused) joins the same hash chain as the registry's events. Catalog adapters append them in
 * the transaction that records the change, so neither exists without the other.
 */
public final class DataAuditEvents {
    private DataAuditEvents() {}

    public static AuditEntry granted(AccessGrant grant) {
        return new AuditEntry(grant.grantedAt(), grant.grantedBy(), "data.grant", "grant:" + grant.id(), "-", "LIVE",
                grant.user() + " may read " + grant.tables() + " until " + grant.expiresOn() + " for: " + grant.purpose(), grant.id());
    }

    public static AuditEntry revoked(AccessGrant grant, Revocation revocation) {
        return new AuditEntry(revocation.revokedAt(), revocation.revokedBy(), "data.revoke", "grant:" + grant.id(), "LIVE", "REVOKED",
                "access of " + grant.user() + " to " + grant.tables() + " ended early", grant.id());
    }

    public static AuditEntry read(DataRead read) {
        String action = read.outcome() == DataRead.Outcome.ALLOWED ? "data.read" : "data.read.refused";
        String detail = read.detail().length() > 2000 ? read.detail().substring(0, 2000) + "…" : read.detail();
        return new AuditEntry(read.readAt(), read.user(), action, "tables:" + String.join(",", read.tables()), "-",
                read.outcome().name(), "grants " + read.grantIds() + "; purpose " + read.purpose() + "; " + detail, read.id());
    }
}
