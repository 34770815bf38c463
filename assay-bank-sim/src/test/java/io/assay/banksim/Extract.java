package io.assay.banksim;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a simulated extract back, the way a bank's pipeline would: folder by folder, file by file, with a real CSV parser. */
final class Extract {
    private final Path folder;

    Extract(Path folder) {
        this.folder = folder;
    }

    /** One data row, its fields addressed by header name. */
    record Row(int dayIndex, LocalDate day, long line, Map<String, Integer> columns, List<String> fields) {
        String get(String column) {
            Integer position = columns.get(column);
            if (position == null) {
                throw new IllegalArgumentException("no column " + column + " in " + columns.keySet());
            }
            return fields.get(position);
        }

        long cents(String column) {
            String value = get(column);
            int dot = value.indexOf('.');
            return Long.parseLong(value.substring(0, dot) + value.substring(dot + 1));
        }
    }

    interface RowVisitor {
        void visit(Row row);
    }

    List<Path> dayFolders() {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of a table over all days, in file order. */
    void forEach(String table, RowVisitor visitor) {
        List<Path> days = dayFolders();
        for (int index = 0; index < days.size(); index++) {
            forEach(days.get(index), index, table, visitor);
        }
    }

    /** Every row of one day's table. */
    static void forEach(Path dayFolder, int dayIndex, String table, RowVisitor visitor) {
        LocalDate day = LocalDate.parse(dayFolder.getFileName().toString());
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(dayFolder.resolve(table + ".csv"))) {
            Iterator<CsvRecord> records = csv.iterator();
            Map<String, Integer> columns = new HashMap<>();
            List<String> header = records.next().getFields();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i), i);
            }
            while (records.hasNext()) {
                CsvRecord record = records.next();
                visitor.visit(new Row(dayIndex, day, record.getStartingLineNumber(), columns, record.getFields()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header line of a day's file, as written. */
    static String headerLine(Path dayFolder, String table) {
        try (Stream<String> lines = Files.lines(dayFolder.resolve(table + ".csv"))) {
            return lines.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
