package io.assay.banksim;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows broken on purpose: found again by reading the files from the outside, kind by kind. */
class BadRowsTest {
    private static final Map<String, List<ExtractFormat.Column>> FORMAT = ExtractFormat.read();

    @Test
    void the_broken_rows_a_reader_finds_are_the_ones_the_summary_counts() {
        Runs.Run run = Runs.of(Runs.BROKEN);
        Map<BadRowKind, Long> found = new EnumMap<>(BadRowKind.class);
        List<String> doublyBroken = new ArrayList<>();
        FORMAT.forEach((file, columns) -> {
            for (Path day : run.extract().dayFolders()) {
                Set<String> ids = new HashSet<>();
                Extract.forEach(day, 0, file, row -> {
                    List<BadRowKind> faults = faults(file, columns, row, ids);
                    faults.forEach(kind -> found.merge(kind, 1L, Long::sum));
                    if (faults.size() > 1) {
                        doublyBroken.add(day.getFileName() + " " + file + " line " + row.line() + " " + faults);
                    }
                });
            }
        });
        Map<String, Long> expected = new TreeMap<>(run.summary().badRowsByKind());
        Map<String, Long> actual = new TreeMap<>();
        for (BadRowKind kind : BadRowKind.values()) {
            actual.put(kind.name(), found.getOrDefault(kind, 0L));
        }
        assertThat(doublyBroken).as("each broken row breaks one rule").isEmpty();
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).allSatisfy((kind, count) -> assertThat(count).as(kind).isPositive());
    }

    @Test
    void about_the_configured_share_of_rows_is_broken() {
        SimulationSummary summary = Runs.of(Runs.BROKEN).summary();
        double share = (double) summary.totalBadRows() / summary.totalRows();
        assertThat(share).isBetween(0.008, 0.012);
    }

    @Test
    void a_zero_rate_breaks_nothing() {
        Runs.Run run = Runs.of(Runs.STANDARD);
        assertThat(run.summary().totalBadRows()).isZero();
        assertThat(run.summary().badRowsByKind()).containsOnlyKeys(names(BadRowKind.values()));
        List<String> flagged = new ArrayList<>();
        FORMAT.forEach((file, columns) -> {
            for (Path day : run.extract().dayFolders()) {
                Set<String> ids = new HashSet<>();
                Extract.forEach(day, 0, file, row -> {
                    if (!faults(file, columns, row, ids).isEmpty()) {
                        flagged.add(day.getFileName() + " " + file + " line " + row.line());
                    }
                });
            }
        });
        assertThat(flagged).isEmpty();
    }

    @Test
    void breaking_rows_changes_those_rows_only() throws IOException {
        Runs.Run broken = Runs.of(Runs.BROKEN);
        Runs.Run clean = Runs.of(Runs.BROKEN.withBadRowRate(0));
        assertThat(broken.summary().rowsPerTable()).isEqualTo(clean.summary().rowsPerTable());
        long differing = 0;
        for (Path day : broken.extract().dayFolders()) {
            for (String file : FORMAT.keySet()) {
                List<String> brokenLines = Files.readAllLines(day.resolve(file + ".csv"));
                List<String> cleanLines = Files.readAllLines(clean.folder().resolve(day.getFileName()).resolve(file + ".csv"));
                assertThat(brokenLines).hasSameSizeAs(cleanLines);
                for (int i = 0; i < brokenLines.size(); i++) {
                    differing += brokenLines.get(i).equals(cleanLines.get(i)) ? 0 : 1;
                }
            }
        }
        assertThat(differing).isEqualTo(broken.summary().totalBadRows());
    }

    /** Every fault a careful reader finds in a row; {@code ids} collects the file's ids so far. */
    private static List<BadRowKind> faults(String file, List<ExtractFormat.Column> columns, Extract.Row row, Set<String> ids) {
        List<BadRowKind> faults = new ArrayList<>();
        if (!ids.add(row.get(columns.get(0).name()))) {
            faults.add(BadRowKind.DUPLICATE_ID);
        }
        for (ExtractFormat.Column column : columns) {
            String value = row.get(column.name());
            String name = column.name();
            if (value.isEmpty()) {
                if (!RowRules.NULLABLE.contains(name)) {
                    faults.add(BadRowKind.MISSING_REQUIRED);
                }
            } else if (column.isCode() && !column.codes().contains(value)) {
                faults.add(BadRowKind.UNKNOWN_CODE);
            } else if (RowRules.DATE_COLUMNS.contains(name) && !RowRules.isDate(value)
                    || name.equals("event_time") && !RowRules.isTimestamp(value)) {
                faults.add(BadRowKind.MALFORMED_DATE);
            } else if (name.equals("age") && Integer.parseInt(value) < 0) {
                faults.add(BadRowKind.NEGATIVE_AGE);
            } else if (RowRules.FREE_TEXT.contains(name)) {
                Leaks.find(value).ifPresent(faults::add);
            }
        }
        return faults;
    }

    private static String[] names(BadRowKind[] kinds) {
        String[] names = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            names[i] = kinds[i].name();
        }
        return names;
    }
}
