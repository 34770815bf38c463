package io.assay.data.ingest;

import io.assay.data.contract.ContractColumn;
import io.assay.data.contract.DataContract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A batch on its way to a snapshot. Checked rows stream into a clean CSV file and quarantine
 * records into another, both in the staging folder; DuckDB then writes the Parquet files, reading
 * those files in parallel and spilling to disk past its memory limit, and finds repeated keys.
 * So memory stays bounded whatever the batch size, and the expensive part runs on every core.
 */
final class StagingTable implements AutoCloseable {
    private static final String ROW = "_source_row";
    private static final String SOURCE_LINE = DataContract.SOURCE_LINE_COLUMN;
    private static final int EXAMPLES_PER_RULE = 3;

    private final DataContract contract;
    private final List<ContractColumn> stored;
    /** Per contract column: whether the snapshot keeps it, and whether its text never needs CSV quoting. */
    private final boolean[] isStored;
    private final boolean[] isPlain;
    private final Path folder;
    private final String memoryLimit;
    private final BufferedWriter rows;
    private final BufferedWriter quarantine;
    private final StringBuilder line = new StringBuilder(512);
    private final Map<String, Long> quarantined = new TreeMap<>();
    private final List<Violation> examples = new ArrayList<>();
    private String pendingRow;
    private long stagedRows;
    private long duplicates;
    private boolean finished;
    private Connection duckdb;

    StagingTable(DataContract contract, Path folder, String memoryLimit) throws IOException {
        this.contract = contract;
        this.stored = contract.columns().stream().filter(ContractColumn::isStored).toList();
        List<ContractColumn> columns = contract.columns();
        this.isStored = new boolean[columns.size()];
        this.isPlain = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            isStored[i] = columns.get(i).isStored();
            isPlain[i] = ColumnCheck.storesPlainText(columns.get(i));
        }
        this.folder = folder;
        this.memoryLimit = memoryLimit;
        this.rows = Files.newBufferedWriter(folder.resolve("clean.csv"), StandardCharsets.UTF_8);
        this.quarantine = Files.newBufferedWriter(folder.resolve("quarantine.csv"), StandardCharsets.UTF_8);
        rows.write(ROW + "," + stored.stream().map(ContractColumn::name).collect(Collectors.joining(",")) + "\n");
        quarantine.write("source_row,rule,column_name,detail\n");
    }

    /**
     * Stages a checked row; {@code values} holds the stored text per contract column (dropped
     * columns ignored). The row is held back until the next one arrives, so a cut-off last row
     * can still be taken back with {@link #dropPendingRow()}.
     */
    void appendRow(long row, Object[] values) throws IOException {
        writePending();
        line.setLength(0);
        line.append(row);
        for (int i = 0; i < isStored.length; i++) {
            if (isStored[i]) {
                line.append(',');
                String value = (String) values[i];
                if (isPlain[i] && value != null) {
                    line.append(value);
                } else {
                    appendField(value);
                }
            }
        }
        pendingRow = line.append('\n').toString();
        stagedRows++;
    }

    void dropPendingRow() {
        if (pendingRow != null) {
            pendingRow = null;
            stagedRows--;
        }
    }

    void appendViolation(Violation violation) throws IOException {
        quarantined.merge(violation.rule().name(), 1L, Long::sum);
        if (examples.stream().filter(v -> v.rule() == violation.rule()).count() < EXAMPLES_PER_RULE) {
            examples.add(violation);
        }
        line.setLength(0);
        line.append(violation.row()).append(',').append(violation.rule().name()).append(',');
        appendField(violation.column());
        line.append(',');
        appendField(violation.detail());
        quarantine.append(line.append('\n'));
    }

    /**
     * Quarantines every row whose unique key repeats an earlier row's key (the first one stays),
     * looking at the written Parquet file: reading only its key columns is far cheaper than
     * another pass over the CSV, and a file with repeats — rare — is written again without them.
     */
    void quarantineDuplicateKeys(Path parquetFile) throws SQLException, IOException {
        if (contract.uniqueKey().isEmpty()) {
            return;
        }
        String key = contract.uniqueKey().stream().map(StagingTable::quote).collect(Collectors.joining(", "));
        String rows = "read_parquet(" + literal(parquetFile) + ")";
        try (Statement statement = duckdb().createStatement()) {
            try (ResultSet repeated = statement.executeQuery("SELECT count(*) FROM (SELECT " + key + " FROM " + rows
                    + " GROUP BY ALL HAVING count(*) > 1)")) {
                repeated.next();
                if (repeated.getLong(1) == 0) {
                    return;
                }
            }
            statement.execute("CREATE TEMP TABLE duplicate_rows AS SELECT " + SOURCE_LINE + " AS " + ROW + " FROM (SELECT "
                    + SOURCE_LINE + ", row_number() OVER (PARTITION BY " + key + " ORDER BY " + SOURCE_LINE
                    + ") AS occurrence FROM " + rows + ") WHERE occurrence > 1");
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM duplicate_rows")) {
                count.next();
                duplicates = count.getLong(1);
            }
            try (ResultSet first = statement.executeQuery("SELECT " + ROW + " FROM duplicate_rows ORDER BY 1 LIMIT "
                    + EXAMPLES_PER_RULE)) {
                while (first.next()) {
                    examples.add(duplicateKey(first.getLong(1)));
                }
            }
            Path withoutRepeats = parquetFile.resolveSibling(parquetFile.getFileName() + ".tmp");
            statement.execute("COPY (SELECT * FROM " + rows + " WHERE " + SOURCE_LINE + " NOT IN (SELECT " + ROW
                    + " FROM duplicate_rows) ORDER BY " + SOURCE_LINE + ") TO " + literal(withoutRepeats)
                    + " (FORMAT parquet, COMPRESSION zstd)");
            Files.move(withoutRepeats, parquetFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        quarantined.put(Rule.DUPLICATE_KEY.name(), duplicates);
        stagedRows -= duplicates;
    }

    long stagedRows() {
        return stagedRows;
    }

    /** Quarantined rows per rule name. */
    Map<String, Long> quarantineCounts() {
        return new TreeMap<>(quarantined);
    }

    /** The first few quarantine records of each rule, for a rejection report. */
    List<Violation> quarantineExamples() {
        return List.copyOf(examples);
    }

    /**
     * Writes the snapshot rows to Parquet — the business date and the source line first, for
     * lineage — in source order: DuckDB preserves the file's order on a plain scan.
     */
    void exportRows(Path parquetFile, LocalDate businessDate) throws IOException, SQLException {
        finishWriting();
        String columns = stored.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        execute("COPY (SELECT DATE '" + businessDate + "' AS " + DataContract.BUSINESS_DATE_COLUMN + ", " + ROW + " AS "
                + SOURCE_LINE + ", " + columns + " FROM clean) TO " + literal(parquetFile) + " (FORMAT parquet, COMPRESSION zstd)");
    }

    void exportQuarantine(Path parquetFile) throws IOException, SQLException {
        finishWriting();
        String duplicateRecords = duplicates == 0 ? "" : " UNION ALL SELECT " + ROW + ", '" + Rule.DUPLICATE_KEY.name()
                + "', '" + String.join(",", contract.uniqueKey()) + "', 'repeats the key of an earlier row' FROM duplicate_rows";
        execute("COPY (SELECT * FROM (SELECT * FROM read_csv(" + literal(folder.resolve("quarantine.csv"))
                + ", header = true, auto_detect = false, columns = {'source_row': 'BIGINT', 'rule': 'VARCHAR', "
                + "'column_name': 'VARCHAR', 'detail': 'VARCHAR'})" + duplicateRecords + ") ORDER BY source_row) TO "
                + literal(parquetFile) + " (FORMAT parquet)");
    }

    @Override
    public void close() throws IOException, SQLException {
        try {
            rows.close();
            quarantine.close();
        } finally {
            if (duckdb != null) {
                duckdb.close();
            }
        }
    }

    private Violation duplicateKey(long row) {
        return new Violation(row, Rule.DUPLICATE_KEY, String.join(",", contract.uniqueKey()), "repeats the key of an earlier row");
    }

    private void writePending() throws IOException {
        if (pendingRow != null) {
            rows.write(pendingRow);
            pendingRow = null;
        }
    }

    private void finishWriting() throws IOException {
        if (!finished) {
            writePending();
            rows.close();
            quarantine.close();
            finished = true;
        }
    }

    /** The clean rows as a typed view; opened once writing is done. */
    private Connection duckdb() throws SQLException {
        if (duckdb == null) {
            duckdb = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("SET memory_limit = '" + memoryLimit + "'");
                statement.execute("SET temp_directory = " + literal(folder.resolve("spill")));
                statement.execute("CREATE VIEW clean AS SELECT * FROM read_csv(" + literal(folder.resolve("clean.csv"))
                        + ", header = true, auto_detect = false, quote = '\"', escape = '\"', columns = {'" + ROW + "': 'BIGINT', "
                        + stored.stream().map(c -> "'" + c.name() + "': '" + c.storedSqlType() + "'").collect(Collectors.joining(", "))
                        + "})");
            }
        }
        return duckdb;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = duckdb().createStatement()) {
            statement.execute(sql);
        }
    }

    private void appendField(String value) {
        if (value == null) {
            return;
        }
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    static String literal(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    /** Column names come from a validated contract ([a-z][a-z0-9_]*), so quoting is for keywords, not for safety. */
    private static String quote(String name) {
        return '"' + name + '"';
    }
}
