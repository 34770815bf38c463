package io.assay.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.core.data.AccessGrant;
import io.assay.core.data.DataAuditEvents;
import io.assay.core.data.DataCatalog;
import io.assay.core.data.DataRead;
import io.assay.core.data.PrivacyClass;
import io.assay.core.data.Revocation;
import io.assay.core.data.Snapshot;
import io.assay.core.data.SnapshotColumn;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data catalog in SQL (SQLite or PostgreSQL), one transaction per method. Rows are mapped to
 * domain records here and never leave this class. Instants are kept to the microsecond, which is
 * what both databases store.
 */
final class JdbcDataCatalog implements DataCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SNAPSHOT_COLUMNS = "id, table_name, business_date, contract_version, source_file, source_sha256, "
            + "source_rows, row_count, quarantined_json, content_sha256, columns_json, location, published_by, published_at";
    private static final String GRANT_COLUMNS = "id, user_name, purpose, tables, expires_on, granted_by, granted_at, "
            + "revoked_by, revoked_at";
    private static final String READ_COLUMNS = "id, user_name, purpose, tables, grant_ids, outcome, detail, read_at";

    private final Transactions transactions;

    JdbcDataCatalog(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void recordSnapshot(Snapshot s) {
        transactions.write("record snapshot " + s.id(), sql -> sql.insert("INSERT INTO snapshots (" + SNAPSHOT_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "snapshot " + s.id() + " (or one from the same source content) is already recorded",
                s.id(), s.table(), s.businessDate(), s.contractVersion(), s.sourceFile(), s.sourceSha256(), s.sourceRows(), s.rowCount(),
                json(s.quarantined()), s.contentSha256(), json(s.columns().stream().map(JdbcDataCatalog::columnMap).toList()),
                s.location(), s.publishedBy(), s.publishedAt()));
    }

    @Override
    public Optional<Snapshot> findSnapshot(String id) {
        return transactions.read("find snapshot", sql -> querySnapshots(sql, "WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public Optional<Snapshot> findSnapshotBySource(String table, LocalDate businessDate, String sourceSha256) {
        return transactions.read("find snapshot by source", sql -> querySnapshots(sql,
                "WHERE table_name = ? AND business_date = ? AND source_sha256 = ?", table, businessDate, sourceSha256)
                .stream().findFirst());
    }

    @Override
    public List<Snapshot> listSnapshots(Optional<String> table) {
        String order = " ORDER BY table_name, business_date, published_at, id";
        return transactions.read("list snapshots", sql -> table.isPresent()
                ? querySnapshots(sql, "WHERE table_name = ?" + order, table.get())
                : querySnapshots(sql, order));
    }

    @Override
    public void saveGrant(AccessGrant grant) {
        transactions.write("save grant " + grant.id(), sql -> {
            sql.insert("INSERT INTO access_grants (" + GRANT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "grant " + grant.id() + " already exists", grant.id(), grant.user(), grant.purpose(), String.join(",", grant.tables()),
                    grant.expiresOn(), grant.grantedBy(), grant.grantedAt(), grant.revocation().map(Revocation::revokedBy).orElse(null),
                    grant.revocation().map(Revocation::revokedAt).orElse(null));
            JdbcAuditChain.append(sql, DataAuditEvents.granted(grant));
            return null;
        });
    }

    @Override
    public Optional<AccessGrant> findGrant(String id) {
        return transactions.read("find grant", sql -> queryGrants(sql, "WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public AccessGrant revokeGrant(String id, Revocation revocation) {
        return transactions.write("revoke grant " + id, sql -> {
            if (sql.update("UPDATE access_grants SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                    revocation.revokedBy(), revocation.revokedAt(), id) == 0) {
                boolean exists = !queryGrants(sql, "WHERE id = ?", id).isEmpty();
                throw exists ? new AssayException(ErrorCode.ALREADY_DONE, "grant " + id + " was revoked already; nothing changed")
                        : AssayException.notFound("no grant " + id);
            }
            AccessGrant revoked = queryGrants(sql, "WHERE id = ?", id).get(0);
            JdbcAuditChain.append(sql, DataAuditEvents.revoked(revoked, revocation));
            return revoked;
        });
    }

    @Override
    public List<AccessGrant> listGrants(Optional<String> user) {
        String order = " ORDER BY granted_at DESC, id";
        return transactions.read("list grants", sql -> user.isPresent()
                ? queryGrants(sql, "WHERE user_name = ?" + order, user.get())
                : queryGrants(sql, order));
    }

    @Override
    public void recordRead(DataRead read) {
        transactions.write("record read " + read.id(), sql -> {
            sql.insert("INSERT INTO data_reads (" + READ_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    "read " + read.id() + " is already recorded", read.id(), read.user(), read.purpose(), String.join(",", read.tables()),
                    String.join(",", read.grantIds()), read.outcome().name(), read.detail(), read.readAt());
            JdbcAuditChain.append(sql, DataAuditEvents.read(read));
            return null;
        });
    }

    @Override
    public List<DataRead> listReads(Optional<String> user) {
        String order = " ORDER BY read_at, seq";
        return transactions.read("list reads", sql -> user.isPresent()
                ? queryReads(sql, "WHERE user_name = ?" + order, user.get())
                : queryReads(sql, order));
    }

    private List<Snapshot> querySnapshots(Sql sql, String where, Object... parameters) {
        return sql.query("SELECT " + SNAPSHOT_COLUMNS + " FROM snapshots " + where, row -> new Snapshot(
                row.getString("id"), row.getString("table_name"), sql.date(row, "business_date"),
                row.getInt("contract_version"), row.getString("source_file"), row.getString("source_sha256"),
                row.getLong("source_rows"), row.getLong("row_count"),
                parse(row.getString("quarantined_json"), new TypeReference<LinkedHashMap<String, Long>>() { }),
                row.getString("content_sha256"),
                parse(row.getString("columns_json"), new TypeReference<List<Map<String, Object>>>() { }).stream()
                        .map(JdbcDataCatalog::column).toList(),
                row.getString("location"), row.getString("published_by"), sql.instant(row, "published_at")), parameters);
    }

    private List<AccessGrant> queryGrants(Sql sql, String where, Object... parameters) {
        return sql.query("SELECT " + GRANT_COLUMNS + " FROM access_grants " + where, row -> {
            String revokedBy = row.getString("revoked_by");
            Optional<Revocation> revocation = revokedBy == null ? Optional.empty()
                    : Optional.of(new Revocation(revokedBy, sql.instant(row, "revoked_at")));
            return new AccessGrant(row.getString("id"), row.getString("user_name"), row.getString("purpose"),
                    split(row.getString("tables")), sql.date(row, "expires_on"), row.getString("granted_by"),
                    sql.instant(row, "granted_at"), revocation);
        }, parameters);
    }

    private List<DataRead> queryReads(Sql sql, String where, Object... parameters) {
        return sql.query("SELECT " + READ_COLUMNS + " FROM data_reads " + where, row -> new DataRead(
                row.getString("id"), row.getString("user_name"), row.getString("purpose"), split(row.getString("tables")),
                split(row.getString("grant_ids")), DataRead.Outcome.valueOf(row.getString("outcome")), row.getString("detail"),
                sql.instant(row, "read_at")), parameters);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(joined.split(",")));
    }

    private static Map<String, Object> columnMap(SnapshotColumn column) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", column.name());
        map.put("type", column.type());
        map.put("privacy", column.privacy().name());
        map.put("nullable", column.nullable());
        return map;
    }

    private static SnapshotColumn column(Map<String, Object> map) {
        return new SnapshotColumn((String) map.get("name"), (String) map.get("type"),
                PrivacyClass.valueOf((String) map.get("privacy")), (Boolean) map.get("nullable"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "a stored JSON column cannot be read: " + e.getMessage());
        }
    }
}
