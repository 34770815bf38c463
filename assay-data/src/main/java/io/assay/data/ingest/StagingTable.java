package io.assay.data.ingest;

import io.assay.data.contract.ContractColumn;
import io.assay.data.contract.DataContract;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A batch on its way to a snapshot: checked rows and quarantine records go into a DuckDB
 * database file in the staging folder (so memory stays bounded whatever the batch size), then
 * leave it as Parquet files.
 */
final class StagingTable implements AutoCloseable {
    private static final String ROW = "_source_row";

    private final DataContract contract;
    private final List<ContractColumn> stored;
    private final Connection connection;
    private final DuckDBAppender rows;
    private final DuckDBAppender quarantine;

    StagingTable(DataContract contract, Path databaseFile, String memoryLimit) throws SQLException {
        this.contract = contract;
        this.stored = contract.columns().stream().filter(ContractColumn::isStored).toList();
        this.connection = DriverManager.getConnection("jdbc:duckdb:" + databaseFile);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = '" + memoryLimit + "'");
            statement.execute("SET temp_directory = " + literal(databaseFile.resolveSibling("spill")));
            statement.execute("CREATE TABLE staged (" + ROW + " BIGINT NOT NULL, "
                    + stored.stream().map(c -> quote(c.name()) + " " + c.storedSqlType()).collect(Collectors.joining(", "))
                    + ")");
            statement.execute("CREATE TABLE quarantine (source_row BIGINT NOT NULL, rule VARCHAR NOT NULL, "
                    + "column_name VARCHAR NOT NULL, detail VARCHAR NOT NULL)");
        }
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        this.rows = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "staged");
        this.quarantine = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "quarantine");
    }

    /** Appends a checked row; {@code values} holds one value per contract column (dropped ones ignored). */
    void appendRow(long row, Object[] values) throws SQLException {
        rows.beginRow().append(row);
        List<ContractColumn> columns = contract.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).isStored()) {
                appendValue(values[i]);
            }
        }
        rows.endRow();
    }

    /** Takes back a row already appended (a cut-off last row is quarantined instead). */
    void removeRow(long row) throws SQLException {
        flush();
        execute("DELETE FROM staged WHERE " + ROW + " = " + row);
    }

    void appendViolation(Violation violation) throws SQLException {
        quarantine.beginRow()
                .append(violation.row())
                .append(violation.rule().name())
                .append(violation.column())
                .append(violation.detail())
                .endRow();
    }

    /**
     * Quarantines every row whose unique key repeats an earlier row's key; the first one stays.
     * The hash aggregate runs first because almost every batch has no duplicates at all.
     */
    void quarantineDuplicateKeys() throws SQLException {
        if (contract.uniqueKey().isEmpty()) {
            return;
        }
        flush();
        String key = contract.uniqueKey().stream().map(StagingTable::quote).collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE repeated_keys AS SELECT " + key + " FROM staged GROUP BY ALL HAVING count(*) > 1");
            try (ResultSet any = statement.executeQuery("SELECT count(*) FROM repeated_keys")) {
                any.next();
                if (any.getLong(1) == 0) {
                    return;
                }
            }
            statement.execute("CREATE TEMP TABLE duplicate_rows AS SELECT " + ROW + " FROM ("
                    + "SELECT " + ROW + ", row_number() OVER (PARTITION BY " + key + " ORDER BY " + ROW + ") AS occurrence "
                    + "FROM staged SEMI JOIN repeated_keys USING (" + key + ")) WHERE occurrence > 1");
            statement.execute("INSERT INTO quarantine SELECT " + ROW + ", '" + Rule.DUPLICATE_KEY.name() + "', '"
                    + String.join(",", contract.uniqueKey()) + "', 'repeats the key of an earlier row' FROM duplicate_rows");
            statement.execute("DELETE FROM staged WHERE " + ROW + " IN (SELECT " + ROW + " FROM duplicate_rows)");
        }
    }

    long stagedRows() throws SQLException {
        return count("SELECT count(*) FROM staged");
    }

    /** Quarantined rows per rule name. */
    Map<String, Long> quarantineCounts() throws SQLException {
        flush();
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT rule, count(*) FROM quarantine GROUP BY rule")) {
            while (result.next()) {
                counts.put(result.getString(1), result.getLong(2));
            }
        }
        return counts;
    }

    /** The first few quarantine records of each rule, for a rejection report. */
    List<Violation> quarantineExamples(int perRule) throws SQLException {
        flush();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT source_row, rule, column_name, detail FROM quarantine "
                     + "QUALIFY row_number() OVER (PARTITION BY rule ORDER BY source_row) <= " + perRule
                     + " ORDER BY rule, source_row")) {
            List<Violation> examples = new java.util.ArrayList<>();
            while (result.next()) {
                examples.add(new Violation(result.getLong(1), Rule.valueOf(result.getString(2)), result.getString(3),
                        result.getString(4)));
            }
            return examples;
        }
    }

    /**
     * Writes the snapshot rows with the business date first to Parquet, in source order: the one
     * appender inserted them in that order and DuckDB preserves insertion order, so no sort is needed.
     */
    void exportRows(Path parquetFile, LocalDate businessDate) throws SQLException {
        flush();
        String columns = stored.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        execute("COPY (SELECT DATE '" + businessDate + "' AS " + DataContract.BUSINESS_DATE_COLUMN + ", " + columns
                + " FROM staged) TO " + literal(parquetFile) + " (FORMAT parquet, COMPRESSION zstd)");
    }

    void exportQuarantine(Path parquetFile) throws SQLException {
        flush();
        execute("COPY (SELECT * FROM quarantine ORDER BY source_row) TO " + literal(parquetFile) + " (FORMAT parquet)");
    }

    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        try (connection) {
            rows.close();
            quarantine.close();
        }
    }

    private void appendValue(Object value) throws SQLException {
        if (value == null) {
            rows.appendNull();
        } else if (value instanceof String text) {
            rows.append(text);
        } else if (value instanceof Long number) {
            rows.append(number.longValue());
        } else if (value instanceof BigDecimal decimal) {
            rows.append(decimal);
        } else if (value instanceof LocalDate date) {
            rows.append(date);
        } else if (value instanceof LocalDateTime timestamp) {
            rows.append(timestamp);
        } else {
            throw new IllegalStateException("no staging type for " + value.getClass().getName());
        }
    }

    private void flush() throws SQLException {
        rows.flush();
        quarantine.flush();
    }

    private long count(String sql) throws SQLException {
        flush();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String literal(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    /** Column names come from a validated contract ([a-z][a-z0-9_]*), so quoting is for keywords, not for safety. */
    private static String quote(String name) {
        return '"' + name + '"';
    }
}
