package io.assay.store;

import io.assay.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded SQLite schema and the PostgreSQL schema have the same tables, columns and
 * nullability, so the one set of statements in the stores fits both. When this fails after a
 * new migration: add the same V&lt;n&gt; to db/migration/sqlite and db/migration/postgresql.
 */
class SchemaParityTest {
    @TempDir
    Path home;

    @Test
    void both_migration_folders_build_the_same_tables_and_columns() throws SQLException {
        Map<String, String> sqlite;
        try (Database embedded = Database.open(DatabaseConfig.embedded(home))) {
            sqlite = columns(embedded, null);
        }
        Map<String, String> postgres;
        try (PostgresTestDatabase schema = PostgresTestDatabase.createOrSkip();
             Database database = Database.open(new DatabaseConfig(schema.url(), schema.user(), ""))) {
            postgres = columns(database, schema.url().replaceAll(".*currentSchema=", ""));
        }

        assertThat(sqlite).as("tables and columns (name -> nullable) of SQLite vs PostgreSQL").isEqualTo(postgres);
        assertThat(sqlite).containsKeys("audit_events.hash", "model_versions.production_of", "routing.canary_percent");
    }

    /** "table.column" -> "NULL" or "NOT NULL", leaving out Flyway's own history table. */
    private static Map<String, String> columns(Database database, String schema) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rows = meta.getColumns(null, schema, "%", "%")) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (table.startsWith("flyway_") || table.startsWith("sqlite_")) {
                        continue;
                    }
                    String nullable = rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? "NOT NULL" : "NULL";
                    columns.put(table + "." + rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), nullable);
                }
            }
        }
        return columns;
    }
}
