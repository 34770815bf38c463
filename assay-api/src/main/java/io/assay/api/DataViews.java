package io.assay.api;

import io.assay.core.data.AccessGrant;
import io.assay.core.data.DataRead;
import io.assay.core.data.Snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The data environment as clients see it: snapshots, ingests, contracts, grants, reads and query results. */
public final class DataViews {
    private DataViews() {}

    /** An immutable, content-hashed snapshot of one table's batch: its schema with privacy classes, never its rows. */
    public record SnapshotView(String id, String table, LocalDate businessDate, int contractVersion, String sourceFile,
                               String sourceSha256, long sourceRows, long rows, long quarantinedRows, Map<String, Long> quarantined,
                               String contentSha256, String location, String publishedBy, Instant publishedAt, List<ColumnView> columns) {
    }

    public record ColumnView(String name, String type, String privacy, boolean nullable) {
    }

    /** {@code outcome}: PUBLISHED, ALREADY_INGESTED (the same content again: nothing changed) or RECOVERED. */
    public record IngestView(String outcome, long elapsedMs, SnapshotView snapshot) {
    }

    /** What the bank's extract says a batch holds; a batch that differs was cut short or altered in transit. */
    public record ControlTotalsView(long rows, String sha256) {
    }

    public record QuarantineView(String snapshot, long quarantinedRows, Map<String, Long> byRule, List<QuarantinedRow> rows) {
    }

    /** A held-back row: its line, the rule it broke and why, never the raw value of an identifier. */
    public record QuarantinedRow(long sourceRow, String rule, String column, String detail) {
    }

    public record ContractView(String table, int version, String description, double maxRejectedShare, long toleratedBadRows,
                               List<String> uniqueKey, List<ContractColumnView> columns) {
    }

    /** {@code rules} in words ("pattern …; 12 allowed codes; tokenised (customer)"); {@code allowedValues} whole. */
    public record ContractColumnView(String name, String type, boolean nullable, String privacy, String pseudonymise, String rules,
                                     List<String> allowedValues) {
    }

    public record GrantView(String id, String user, String purpose, List<String> tables, LocalDate expiresOn, String grantedBy,
                            Instant grantedAt, Optional<Revoked> revoked) {
    }

    public record Revoked(String by, Instant at) {
    }

    public record ReadView(String id, String user, String outcome, String purpose, String detail, Instant readAt, List<String> tables,
                           List<String> grants) {
    }

    /** The rows a query returned (at most the limit), and the logged read that allowed it. */
    public record QueryView(String read, boolean truncated, List<String> columns, List<List<Object>> rows) {
    }

    public static SnapshotView snapshot(Snapshot s) {
        return new SnapshotView(s.id(), s.table(), s.businessDate(), s.contractVersion(), s.sourceFile(), s.sourceSha256(), s.sourceRows(),
                s.rowCount(), s.quarantinedRows(), s.quarantined(), s.contentSha256(), s.location(), s.publishedBy(), s.publishedAt(),
                s.columns().stream().map(c -> new ColumnView(c.name(), c.type(), c.privacy().name(), c.nullable())).toList());
    }

    public static GrantView grant(AccessGrant g) {
        return new GrantView(g.id(), g.user(), g.purpose(), g.tables(), g.expiresOn(), g.grantedBy(), g.grantedAt(),
                g.revocation().map(r -> new Revoked(r.revokedBy(), r.revokedAt())));
    }

    public static ReadView read(DataRead r) {
        return new ReadView(r.id(), r.user(), r.outcome().name(), r.purpose(), r.detail(), r.readAt(), r.tables(), r.grantIds());
    }
}
