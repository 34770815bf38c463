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
 * The data catalog in SQL (H2 or PostgreSQL), one transaction per method. Rows are mapped to
 * domain records here and never leave this class. Instants are kept to the microsecond, which is
 * what both databases store.
 */
final class JdbcDataCatalog implements DataCatalog {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SNAPSHOT_COLUMNS = "id, table_name, business_date, contract_version, source_file, source_sha256, "
            + "source_rows, row_count, quarantined_json, content_sha256, columns_json, location, published_by, published_at";
    private static final String GRANT_COLUMNS = "id, user_name, purpose, tables, expires_on, granted_by, granted_at, "
            + "revoked_by, revoked_at";
    private static final String READ_COLUMNS = "id, user_name, purpose, tables, grant_ids, outcome, detail, read_at";

    private final Transactions transactions;

    JdbcDataCatalog(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    @Override
    public void recordSnapshot(Snapshot snapshot) {
        transactions.run("record snapshot " + snapshot.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO snapshots (" + SNAPSHOT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, snapshot.id());
                insert.setString(2, snapshot.table());
                insert.setObject(3, snapshot.businessDate());
                insert.setInt(4, snapshot.contractVersion());
                insert.setString(5, snapshot.sourceFile());
                insert.setString(6, snapshot.sourceSha256());
                insert.setLong(7, snapshot.sourceRows());
                insert.setLong(8, snapshot.rowCount());
                insert.setString(9, json(snapshot.quarantined()));
                insert.setString(10, snapshot.contentSha256());
                insert.setString(11, json(snapshot.columns().stream().map(JdbcDataCatalog::columnMap).toList()));
                insert.setString(12, snapshot.location());
                insert.setString(13, snapshot.publishedBy());
                insert.setObject(14, timestamp(snapshot.publishedAt()));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw alreadyExistsOr(e, "snapshot " + snapshot.id() + " (or one from the same source content) is already recorded");
            }
            return null;
        });
    }

    @Override
    public Optional<Snapshot> findSnapshot(String id) {
        return transactions.run("find snapshot", connection ->
                querySnapshots(connection, "WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public Optional<Snapshot> findSnapshotBySource(String table, LocalDate businessDate, String sourceSha256) {
        return transactions.run("find snapshot by source", connection -> querySnapshots(connection,
                "WHERE table_name = ? AND business_date = ? AND source_sha256 = ?", table, businessDate, sourceSha256)
                .stream().findFirst());
    }

    @Override
    public List<Snapshot> listSnapshots(Optional<String> table) {
        String order = " ORDER BY table_name, business_date, published_at, id";
        return transactions.run("list snapshots", connection -> table.isPresent()
                ? querySnapshots(connection, "WHERE table_name = ?" + order, table.get())
                : querySnapshots(connection, order));
    }

    @Override
    public void saveGrant(AccessGrant grant) {
        transactions.run("save grant " + grant.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO access_grants (" + GRANT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, grant.id());
                insert.setString(2, grant.user());
                insert.setString(3, grant.purpose());
                insert.setString(4, String.join(",", grant.tables()));
                insert.setObject(5, grant.expiresOn());
                insert.setString(6, grant.grantedBy());
                insert.setObject(7, timestamp(grant.grantedAt()));
                insert.setString(8, grant.revocation().map(Revocation::revokedBy).orElse(null));
                insert.setObject(9, grant.revocation().map(r -> timestamp(r.revokedAt())).orElse(null));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw alreadyExistsOr(e, "grant " + grant.id() + " already exists");
            }
            JdbcAuditChain.append(connection, DataAuditEvents.granted(grant));
            return null;
        });
    }

    @Override
    public Optional<AccessGrant> findGrant(String id) {
        return transactions.run("find grant", connection -> queryGrants(connection, "WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public AccessGrant revokeGrant(String id, Revocation revocation) {
        return transactions.run("revoke grant " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE access_grants SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                update.setString(1, revocation.revokedBy());
                update.setObject(2, timestamp(revocation.revokedAt()));
                update.setString(3, id);
                if (update.executeUpdate() == 0) {
                    boolean exists = !queryGrants(connection, "WHERE id = ?", id).isEmpty();
                    throw exists ? new AssayException(ErrorCode.CONCURRENT_CHANGE, "grant " + id + " is already revoked")
                            : AssayException.notFound("no grant " + id);
                }
            }
            AccessGrant revoked = queryGrants(connection, "WHERE id = ?", id).get(0);
            JdbcAuditChain.append(connection, DataAuditEvents.revoked(revoked, revocation));
            return revoked;
        });
    }

    @Override
    public List<AccessGrant> listGrants(Optional<String> user) {
        String order = " ORDER BY granted_at DESC, id";
        return transactions.run("list grants", connection -> user.isPresent()
                ? queryGrants(connection, "WHERE user_name = ?" + order, user.get())
                : queryGrants(connection, order));
    }

    @Override
    public void recordRead(DataRead read) {
        transactions.run("record read " + read.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO data_reads (" + READ_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, read.id());
                insert.setString(2, read.user());
                insert.setString(3, read.purpose());
                insert.setString(4, String.join(",", read.tables()));
                insert.setString(5, String.join(",", read.grantIds()));
                insert.setString(6, read.outcome().name());
                insert.setString(7, read.detail());
                insert.setObject(8, timestamp(read.readAt()));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw alreadyExistsOr(e, "read " + read.id() + " is already recorded");
            }
            JdbcAuditChain.append(connection, DataAuditEvents.read(read));
            return null;
        });
    }

    @Override
    public List<DataRead> listReads(Optional<String> user) {
        String order = " ORDER BY read_at, seq";
        return transactions.run("list reads", connection -> user.isPresent()
                ? queryReads(connection, "WHERE user_name = ?" + order, user.get())
                : queryReads(connection, order));
    }

    private List<Snapshot> querySnapshots(Connection connection, String where, Object... parameters) throws SQLException {
        return Transactions.query(connection, "SELECT " + SNAPSHOT_COLUMNS + " FROM snapshots " + where, parameters, row -> new Snapshot(
                row.getString("id"), row.getString("table_name"), row.getObject("business_date", LocalDate.class),
                row.getInt("contract_version"), row.getString("source_file"), row.getString("source_sha256"),
                row.getLong("source_rows"), row.getLong("row_count"),
                parse(row.getString("quarantined_json"), new TypeReference<LinkedHashMap<String, Long>>() { }),
                row.getString("content_sha256"),
                parse(row.getString("columns_json"), new TypeReference<List<Map<String, Object>>>() { }).stream()
                        .map(JdbcDataCatalog::column).toList(),
                row.getString("location"), row.getString("published_by"), instant(row, "published_at")));
    }

    private List<AccessGrant> queryGrants(Connection connection, String where, Object... parameters) throws SQLException {
        return Transactions.query(connection, "SELECT " + GRANT_COLUMNS + " FROM access_grants " + where, parameters, row -> {
            String revokedBy = row.getString("revoked_by");
            Optional<Revocation> revocation = revokedBy == null ? Optional.empty()
                    : Optional.of(new Revocation(revokedBy, instant(row, "revoked_at")));
            return new AccessGrant(row.getString("id"), row.getString("user_name"), row.getString("purpose"),
                    split(row.getString("tables")), row.getObject("expires_on", LocalDate.class), row.getString("granted_by"),
                    instant(row, "granted_at"), revocation);
        });
    }

    private List<DataRead> queryReads(Connection connection, String where, Object... parameters) throws SQLException {
        return Transactions.query(connection, "SELECT " + READ_COLUMNS + " FROM data_reads " + where, parameters, row -> new DataRead(
                row.getString("id"), row.getString("user_name"), row.getString("purpose"), split(row.getString("tables")),
                split(row.getString("grant_ids")), DataRead.Outcome.valueOf(row.getString("outcome")), row.getString("detail"),
                instant(row, "read_at")));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
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

    private static RuntimeException alreadyExistsOr(SQLException e, String message) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return new AssayException(ErrorCode.ALREADY_EXISTS, message);
        }
        return new Transactions.SqlFailure(e);
    }
}
