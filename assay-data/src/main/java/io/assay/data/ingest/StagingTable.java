package io.assay.data.ingest;

import io.assay.data.contract.ContractColumn;
import io.assay.data.contract.DataContract;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
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
    private static final String ROW = StagedRowFormat.ROW;
    private static final String SOURCE_LINE = DataContract.SOURCE_LINE_COLUMN;
    private static final int EXAMPLES_PER_RULE = 3;
    /**
     * Half DuckDB's default row group: its Parquet writer buffers row groups to keep them in order,
     * and under the ingest's memory limit full-size groups stall it (1M rows took 1.2 s, not 0.74 s).
     * A column keeps a dictionary only while it has at most 4,096 distinct values in a group
     * (codes, dates, repeated texts); ids and tokens, nearly unique, are written plain without
     * first hashing thousands of them into a dictionary that is then dropped (7 % faster).
     */
    private static final String PARQUET_OPTIONS =
            "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 61440, DICTIONARY_SIZE_LIMIT 4096)";

    private final DataContract contract;
    private final List<ContractColumn> stored;
    private final Path folder;
    private final String memoryLimit;
    private final OutputStream rows;
    private final BufferedWriter quarantine;
    private final StringBuilder line = new StringBuilder(512);
    private final Map<String, Long> quarantined = new TreeMap<>();
    private final List<Violation> examples = new ArrayList<>();
    /** The last chunk, when its last row is held back. */
    private CheckedChunk heldBack;
    private long stagedRows;
    private long duplicates;
    private boolean finished;
    private Connection duckdb;

    StagingTable(DataContract contract, StagedRowFormat format, Path folder, String memoryLimit) throws IOException {
        this.contract = contract;
        this.stored = contract.columns().stream().filter(ContractColumn::isStored).toList();
        this.folder = folder;
        this.memoryLimit = memoryLimit;
        this.rows = new BufferedOutputStream(Files.newOutputStream(folder.resolve("clean.csv")), 1 << 16);
        this.quarantine = Files.newBufferedWriter(folder.resolve("quarantine.csv"), StandardCharsets.UTF_8);
        rows.write(format.header().getBytes(StandardCharsets.UTF_8));
        quarantine.write("source_row,rule,column_name,detail\n");
    }

    /**
     * Stages a checked chunk: its good rows' lines and its bad rows' quarantine records. The
     * batch's last good row is held back until more arrives, so a cut-off last row can still be
     * taken back with {@link #dropHeldBackRow()}.
     */
    void appendChunk(CheckedChunk chunk) throws IOException {
        writeHeldBack();
        rows.write(chunk.lines(), 0, chunk.lastRowStart());
        if (chunk.lastWasStored()) {
            heldBack = chunk;
        }
        stagedRows += chunk.stagedRows();
        for (Violation violation : chunk.violations()) {
            appendViolation(violation);
        }
    }

    void dropHeldBackRow() {
        if (heldBack != null) {
            heldBack = null;
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
        StagedRowFormat.appendField(line, violation.column());
        line.append(',');
        StagedRowFormat.appendField(line, violation.detail());
        quarantine.append(line.append('\n'));
    }

    /**
     * Quarantines every row whose unique key repeats an earlier row's key (the first one stays),
     * looking at the written Parquet file: reading only its key columns is far cheaper than
     * another pass over the CSV, and a file with repeats — rare — is written again without them.
     * A first look groups the keys' 64-bit hashes, cheaper than the keys themselves; a repeated
     * hash is then settled on the keys, so a collision costs time, never a row.
     */
    void quarantineDuplicateKeys(Path parquetFile) throws SQLException, IOException {
        if (contract.uniqueKey().isEmpty()) {
            return;
        }
        String key = contract.uniqueKey().stream().map(StagingTable::quote).collect(Collectors.joining(", "));
        String rows = "read_parquet(" + literal(parquetFile) + ")";
        try (Statement statement = duckdb().createStatement()) {
            try (ResultSet repeated = statement.executeQuery("SELECT count(*) FROM (SELECT hash(" + key + ") FROM " + rows
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
            if (duplicates == 0) {
                return;
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
                    + " " + PARQUET_OPTIONS);
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
                + SOURCE_LINE + ", " + columns + " FROM clean) TO " + literal(parquetFile) + " " + PARQUET_OPTIONS);
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

    private void writeHeldBack() throws IOException {
        if (heldBack != null) {
            rows.write(heldBack.lines(), heldBack.lastRowStart(), heldBack.lines().length - heldBack.lastRowStart());
            heldBack = null;
        }
    }

    private void finishWriting() throws IOException {
        if (!finished) {
            writeHeldBack();
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

    static String literal(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    /** Column names come from a validated contract ([a-z][a-z0-9_]*), so quoting is for keywords, not for safety. */
    private static String quote(String name) {
        return '"' + name + '"';
    }
}
