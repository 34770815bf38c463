package io.assay.data.query;

import io.assay.core.data.DataAccessService;
import io.assay.core.data.DataCatalog;
import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DataLayout;
import io.assay.data.Sha256;
import io.assay.data.SqlText;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * SQL over the data environment's snapshots, on DuckDB, for users holding a live grant. Each
 * table is a view over its snapshots (the latest one per business day). The session can reach
 * only the folders of the tables the grant covers, and its configuration is locked.
 */
public final class SnapshotQueries {
    private final DataLayout layout;
    private final DataCatalog catalog;
    private final DataAccessService access;

    public SnapshotQueries(DataLayout layout, DataCatalog catalog, DataAccessService access) {
        this.layout = requireNonNull(layout, "layout is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.access = requireNonNull(access, "access is null");
    }

    public QueryResult query(String user, String sql, int maxRows) {
        if (sql == null || sql.isBlank()) {
            throw AssayException.invalid("the query is empty");
        }
        if (maxRows < 1 || maxRows > 1_000_000) {
            throw AssayException.invalid("the row limit must be between 1 and 1000000, was " + maxRows);
        }
        String what = "query sha256:" + Sha256.of(sql);
        // The permission first: someone who may not query learns nothing of how their SQL parses.
        access.requireQuerier(user, what);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            Set<String> tables;
            try {
                tables = referencedTables(duckdb, sql);
                if (tables.isEmpty()) {
                    throw AssayException.invalid("the query reads no table of the data environment");
                }
            } catch (AssayException refused) {
                // Refused before any grant was asked for, and logged all the same: the log holds every attempt.
                access.refuseRead(user, List.of(), what, refused.getMessage());
                throw refused;
            }
            var read = access.authoriseRead(user, List.copyOf(tables), what);
            try (Statement statement = duckdb.createStatement()) {
                for (String table : tables) {
                    statement.execute("CREATE VIEW \"" + table + "\" AS SELECT * FROM read_parquet(["
                            + dataFiles(table).stream().map(SqlText::literal).collect(Collectors.joining(", "))
                            + "], union_by_name = true)");
                }
                statement.execute("SET allowed_directories = [" + tables.stream()
                        .map(table -> SqlText.literal(layout.snapshots().resolve(table) + "/"))
                        .collect(Collectors.joining(", ")) + "]");
                statement.execute("SET enable_external_access = false");
                statement.execute("SET lock_configuration = true");
                statement.setMaxRows(maxRows + 1);
                try (ResultSet result = statement.executeQuery(sql)) {
                    return collect(result, maxRows, read);
                }
            }
        } catch (SQLException e) {
            throw AssayException.invalid("the query failed: " + SqlText.firstLine(e.getMessage()));
        }
    }

    /** The tables the SQL names; SQL that DuckDB cannot even take apart (a NUL character, say) is refused the same way. */
    private static Set<String> referencedTables(Connection duckdb, String sql) {
        try {
            return ReferencedTables.of(duckdb, sql);
        } catch (SQLException e) {
            throw AssayException.invalid("the query cannot be read as SQL: " + SqlText.firstLine(e.getMessage()));
        }
    }

    /** The data files of a table: the newest snapshot of each business day. */
    private List<String> dataFiles(String table) {
        List<Snapshot> newestPerDay = Snapshot.newestPerDay(catalog.listSnapshots(Optional.of(table)));
        if (newestPerDay.isEmpty()) {
            throw new AssayException(ErrorCode.NOT_FOUND, "table " + table + " has no snapshots yet; ingest a batch first");
        }
        return newestPerDay.stream()
                .map(snapshot -> layout.folderOf(snapshot).resolve("data.parquet").toString())
                .toList();
    }

    private static QueryResult collect(ResultSet result, int maxRows, io.assay.core.data.DataRead read) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (result.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                Object value = result.getObject(i);
                row.add(value instanceof Collection<?> || value == null || value instanceof Number || value instanceof Boolean
                        ? value : value.toString());
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows, truncated, read);
    }
}
