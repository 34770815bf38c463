package io.assay.data.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.assay.core.common.Names;
import io.assay.data.contract.DataContract;
import io.assay.data.privacy.PseudonymKey;
import io.assay.data.privacy.Pseudonymiser;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams a batch file through its contract row by row (never holding the file in memory):
 * checks the header, checks and pseudonymises every row, and sends each row either to the
 * staging table or to quarantine. File-level faults — empty, not UTF-8, wrong header — stop
 * the batch with an error that names the file and the line.
 */
final class BatchReader {
    record Totals(String sha256, long rows) {
    }

    private final Path file;
    private final DataContract contract;
    private final ColumnCheck[] checks;
    /** The line of the record being checked, for messages about file-level faults found mid-file. */
    private long currentLine = 1;

    BatchReader(Path file, DataContract contract, LocalDate businessDate, PseudonymKey key) {
        this.file = file;
        this.contract = contract;
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        IdentifierScanner scanner = new IdentifierScanner();
        this.checks = contract.columns().stream()
                .map(column -> new ColumnCheck(column, businessDate, pseudonymiser, scanner))
                .toArray(ColumnCheck[]::new);
    }

    Totals readInto(StagingTable table) throws IOException, SQLException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (SourceStream source = new SourceStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
             CsvReader<CsvRecord> csv = CsvReader.builder()
                     .allowExtraFields(true)
                     .allowMissingFields(true)
                     .ofCsvRecord(new InputStreamReader(source, decoder))) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw BatchIngester.invalid(file, "is empty: it has no header row");
            }
            Header header = header(records.next());
            Counted counted;
            try (ReadAhead ahead = new ReadAhead(records)) {
                counted = checkAll(ahead, header, table);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + file, e);
            }
            if (counted.lastWasStored() && !source.endsWithLineBreak()) {
                table.dropPendingRow();
                table.appendViolation(new Violation(counted.lastLine(), Rule.TRUNCATED_ROW, "(row)",
                        "the file ends without a line break, so its last row may be cut short"));
            }
            return new Totals(source.sha256(), counted.rows());
        } catch (UncheckedIOException e) {
            throw readFailure(e.getCause(), currentLine);
        } catch (CharacterCodingException e) {
            throw readFailure(e, currentLine);
        } catch (CsvParseException e) {
            throw BatchIngester.invalid(file, "cannot be parsed as CSV after line " + currentLine + ": " + e.getMessage());
        }
    }

    /** Rows seen, the line the last one started on, and whether it went to the snapshot (not quarantine). */
    private record Counted(long rows, long lastLine, boolean lastWasStored) {
    }

    /** Checks every record, sending it to the snapshot or to quarantine. */
    private Counted checkAll(Iterator<CsvRecord> records, Header header, StagingTable table) throws IOException {
        Object[] values = new Object[checks.length];
        long rows = 0;
        boolean lastWasStored = false;
        while (records.hasNext()) {
            CsvRecord record = records.next();
            currentLine = record.getStartingLineNumber();
            rows++;
            Violation violation = check(record, header, values);
            if (violation == null) {
                table.appendRow(currentLine, values);
            } else {
                table.appendViolation(violation);
            }
            lastWasStored = violation == null;
        }
        return new Counted(rows, currentLine, lastWasStored);
    }

    /** Where each contract column stands in the file (the file may order columns freely), and how many fields a row has. */
    private record Header(int[] positions, int width) {
    }

    private Header header(CsvRecord header) {
        List<String> names = new ArrayList<>(header.getFields());
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1));
        }
        Map<String, Integer> positions = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (positions.put(names.get(i), i) != null) {
                repeated.add(names.get(i));
            }
        }
        List<String> missing = contract.columnNames().stream().filter(name -> !positions.containsKey(name)).toList();
        List<String> extra = names.stream().filter(name -> contract.column(name).isEmpty()).map(Names::quoted).toList();
        if (!repeated.isEmpty() || !missing.isEmpty() || !extra.isEmpty()) {
            StringBuilder problem = new StringBuilder("has a header (line 1) that does not match contract ")
                    .append(contract.table()).append(" v").append(contract.version()).append(':');
            if (!missing.isEmpty()) {
                problem.append(" missing column(s) ").append(String.join(", ", missing)).append(';');
            }
            if (!extra.isEmpty()) {
                problem.append(" unexpected column(s) ").append(String.join(", ", extra)).append(';');
            }
            if (!repeated.isEmpty()) {
                problem.append(" repeated column(s) ").append(String.join(", ", repeated)).append(';');
            }
            throw BatchIngester.invalid(file, problem.append(" expected ").append(String.join(",", contract.columnNames())).toString());
        }
        return new Header(contract.columnNames().stream().mapToInt(positions::get).toArray(), names.size());
    }

    /** Fills {@code values} and returns null, or returns the row's first violation. */
    private Violation check(CsvRecord record, Header header, Object[] values) {
        long line = record.getStartingLineNumber();
        if (record.getFieldCount() != header.width()) {
            return new Violation(line, Rule.FIELD_COUNT, "(row)",
                    record.getFieldCount() + " fields where the header has " + header.width());
        }
        for (int i = 0; i < checks.length; i++) {
            Object value = checks[i].check(line, record.getField(header.positions()[i]));
            if (value instanceof Violation violation) {
                return violation;
            }
            values[i] = value;
        }
        return null;
    }

    private RuntimeException readFailure(Throwable cause, long line) {
        if (cause instanceof CharacterCodingException) {
            return BatchIngester.invalid(file, "is not valid UTF-8 (the first bad bytes are at or after line " + line
                    + "); re-export it as UTF-8");
        }
        return BatchIngester.invalid(file, "could not be read after line " + line + ": " + cause);
    }
}
