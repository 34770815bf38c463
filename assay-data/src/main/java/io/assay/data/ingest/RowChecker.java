package io.assay.data.ingest;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.assay.data.contract.DataContract;
import io.assay.data.privacy.Pseudonymiser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks chunks of records against a contract, for one thread at a time: it has its own column
 * checks, because a pseudonymiser's MAC and token cache are not thread-safe. A row's first
 * violation sends it to quarantine; a good row becomes a staged line.
 */
final class RowChecker {
    private final ColumnCheck[] checks;
    private final StagedRowFormat format;
    private final Object[] values;
    private final StringBuilder lines = new StringBuilder(1 << 18);

    RowChecker(DataContract contract, LocalDate businessDate, Pseudonymiser pseudonymiser, StagedRowFormat format) {
        IdentifierScanner scanner = new IdentifierScanner();
        this.checks = contract.columns().stream()
                .map(column -> new ColumnCheck(column, businessDate, pseudonymiser, scanner))
                .toArray(ColumnCheck[]::new);
        this.format = format;
        this.values = new Object[checks.length];
    }

    CheckedChunk check(List<CsvRecord> records, BatchReader.Header header) {
        lines.setLength(0);
        List<Violation> violations = new ArrayList<>();
        int lastRow = 0;
        long line = 0;
        for (CsvRecord record : records) {
            line = record.getStartingLineNumber();
            Violation violation = check(record, line, header);
            if (violation == null) {
                lastRow = lines.length();
                format.appendRow(lines, line, values);
            } else {
                violations.add(violation);
                lastRow = -1;
            }
        }
        // Encoded here, on the checking threads, so that staging only copies bytes.
        byte[] staged = lines.toString().getBytes(StandardCharsets.UTF_8);
        int lastRowStart = lastRow < 0 ? staged.length
                : staged.length - lines.substring(lastRow).getBytes(StandardCharsets.UTF_8).length;
        return new CheckedChunk(staged, lastRowStart, violations, records.size(), line);
    }

    /** Fills {@code values} and returns null, or returns the row's first violation. */
    private Violation check(CsvRecord record, long line, BatchReader.Header header) {
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
}
