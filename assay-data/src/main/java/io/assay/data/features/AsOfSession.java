package io.assay.data.features;

import io.assay.core.data.Snapshot;
import io.assay.data.DataLayout;
import io.assay.data.SqlText;
import io.assay.data.contract.Contracts;
import io.assay.data.contract.DataContract;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A DuckDB session that sees the data environment as it stood at the end of one day, and nothing
 * later: point-in-time by construction. Each table is offered only through views over the
 * snapshots of business days up to that day (the newest snapshot of each day): an event table
 * (transactions, digital events) as every row; a state table (customers, accounts, a bank's own
 * bureau table) as the latest version of each keyed row, and as {@code <table>_history}, every
 * day's version. The session may open no other file, and its configuration is locked before any
 * definition's SQL runs in it.
 */
final class AsOfSession implements AutoCloseable {
    /** One input snapshot, for the lineage of what is built in the session. */
    record Input(String table, LocalDate businessDate, String snapshotId, String contentSha256) {
    }

    private final Connection duckdb;
    private final List<Input> inputs;

    private AsOfSession(Connection duckdb, List<Input> inputs) {
        this.duckdb = duckdb;
        this.inputs = List.copyOf(inputs);
    }

    /**
     * @param upTo the last business day the session may see
     * @param spill where DuckDB may spill beyond {@code memoryLimit}
     */
    static AsOfSession open(DataLayout layout, SnapshotIndex snapshots, Contracts contracts, AsOfSql.Reads reads, LocalDate upTo,
                            Path spill, String memoryLimit) {
        Set<String> tables = reads.tables();
        List<Input> inputs = new ArrayList<>();
        Map<String, List<Snapshot>> perTable = new TreeMap<>();
        for (String table : tables) {
            List<Snapshot> read = snapshots.upTo(table, upTo);
            perTable.put(table, read);
            read.forEach(s -> inputs.add(new Input(table, s.businessDate(), s.id(), s.contentSha256())));
        }
        Connection duckdb = null;
        try {
            duckdb = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("SET memory_limit = '" + memoryLimit + "'");
                // One thread: DuckDB's parallel aggregates add doubles in whatever order threads finish, so two builds
                // of the same snapshots would differ in the last bits and in their content hash. Builds run side by side
                // instead (TrainingSetBuilder), each one reproducible bit for bit.
                statement.execute("SET threads = 1");
                // Every output is written sorted by its key, so the order rows arrive in never matters: DuckDB may use less memory.
                statement.execute("SET preserve_insertion_order = false");
                statement.execute("SET temp_directory = " + SqlText.literal(spill.toString()));
                List<String> folders = new ArrayList<>();
                folders.add(spill + "/");
                for (Map.Entry<String, List<Snapshot>> entry : perTable.entrySet()) {
                    createViews(statement, layout, contracts.forTable(entry.getKey()), entry.getValue(),
                            reads.latest().contains(entry.getKey()));
                    entry.getValue().forEach(s -> folders.add(layout.folderOf(s) + "/"));
                }
                statement.execute("SET allowed_directories = ["
                        + folders.stream().map(SqlText::literal).collect(Collectors.joining(", ")) + "]");
                statement.execute("SET enable_external_access = false");
                statement.execute("SET lock_configuration = true");
            }
            return new AsOfSession(duckdb, inputs);
        } catch (SQLException e) {
            closeQuietly(duckdb);
            throw new IllegalStateException("DuckDB could not open an as-of session: " + e.getMessage(), e);
        }
    }

    Connection connection() {
        return duckdb;
    }

    /** The snapshots of some of the session's tables: what one definition of several read. */
    List<Input> inputs(Set<String> tables) {
        return inputs.stream().filter(input -> tables.contains(input.table())).toList();
    }

    @Override
    public void close() {
        closeQuietly(duckdb);
    }

    /**
     * @param shared whether a definition of the session reads the state table's latest rows: then they are computed once,
     *               into a table, however many definitions read them
     */
    private static void createViews(Statement statement, DataLayout layout, DataContract contract, List<Snapshot> snapshots,
                                    boolean shared) throws SQLException {
        String files = snapshots.stream().map(s -> SqlText.literal(layout.folderOf(s).resolve("data.parquet").toString()))
                .collect(Collectors.joining(", "));
        String table = contract.table();
        String rows = "SELECT * FROM read_parquet([" + files + "], union_by_name = true)";
        if (AsOfSql.isEventTable(contract)) {
            statement.execute("CREATE VIEW \"" + table + "\" AS " + rows);
            return;
        }
        String history = table + AsOfSql.HISTORY_SUFFIX;
        statement.execute("CREATE VIEW \"" + history + "\" AS " + rows);
        if (contract.uniqueKey().isEmpty()) {
            statement.execute("CREATE " + (shared ? "TEMP TABLE" : "VIEW") + " \"" + table + "\" AS SELECT * FROM \"" + history
                    + "\" WHERE business_date = (SELECT max(business_date) FROM \"" + history + "\")");
            return;
        }
        String key = contract.uniqueKey().stream().map(column -> "\"" + column + "\"").collect(Collectors.joining(", "));
        statement.execute("CREATE " + (shared ? "TEMP TABLE" : "VIEW") + " \"" + table + "\" AS SELECT * FROM \"" + history
                + "\" QUALIFY row_number() OVER (PARTITION BY " + key + " ORDER BY business_date DESC, source_line DESC) = 1");
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing was written through it
        }
    }
}
