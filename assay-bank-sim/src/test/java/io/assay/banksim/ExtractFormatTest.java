package io.assay.banksim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The files against EXTRACT_FORMAT.md, which the data contracts are built on. */
class ExtractFormatTest {
    private static final Map<String, List<ExtractFormat.Column>> FORMAT = ExtractFormat.read();

    @Test
    void the_document_describes_the_five_files_the_simulator_writes() {
        assertThat(FORMAT.keySet()).containsExactly("customers", "accounts", "transactions", "products", "digital_events");
        for (Table table : Table.ALL) {
            assertThat(FORMAT.get(table.baseName)).extracting(ExtractFormat.Column::name)
                    .containsExactly(table.header.split(","));
        }
    }

    @Test
    void every_header_matches_the_documented_columns_in_order() {
        for (Runs.Run run : List.of(Runs.of(Runs.STANDARD), Runs.of(Runs.BROKEN))) {
            for (Path day : run.extract().dayFolders()) {
                FORMAT.forEach((file, columns) -> assertThat(Extract.headerLine(day, file)).as("%s %s", day, file)
                        .isEqualTo(columns.stream().map(ExtractFormat.Column::name).collect(Collectors.joining(","))));
            }
        }
    }

    @Test
    void every_row_has_one_field_per_column_even_when_broken() {
        List<String> wrong = new ArrayList<>();
        for (Runs.Run run : List.of(Runs.of(Runs.STANDARD), Runs.of(Runs.BROKEN))) {
            FORMAT.forEach((file, columns) -> run.extract().forEach(file, row -> {
                if (row.fields().size() != columns.size()) {
                    wrong.add(row.day() + " " + file + " line " + row.line() + ": " + row.fields().size() + " fields");
                }
            }));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_value_of_a_clean_extract_keeps_the_documented_promises() {
        Runs.Run run = Runs.of(Runs.STANDARD);
        Map<String, Long> broken = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        FORMAT.forEach((file, columns) -> run.extract().forEach(file, row -> {
            for (ExtractFormat.Column column : columns) {
                RowRules.check(file, column, row.get(column.name()), row.day()).ifPresent(problem -> {
                    broken.merge(file + "." + column.name(), 1L, Long::sum);
                    if (examples.size() < 10) {
                        examples.add(row.day() + " " + file + " line " + row.line() + " " + column.name() + ": " + problem);
                    }
                });
            }
        }));
        assertThat(broken).as("broken promises, e.g. %s", examples).isEmpty();
    }

    @Test
    void ids_are_unique_within_each_file_of_a_clean_extract() {
        Runs.Run run = Runs.of(Runs.STANDARD);
        List<String> repeated = new ArrayList<>();
        for (Path day : run.extract().dayFolders()) {
            FORMAT.forEach((file, columns) -> {
                String key = columns.get(0).name();
                Set<String> seen = new HashSet<>();
                Extract.forEach(day, 0, file, row -> {
                    if (!seen.add(row.get(key))) {
                        repeated.add(day.getFileName() + " " + file + " " + row.get(key));
                    }
                });
            });
        }
        assertThat(repeated).isEmpty();
    }

    @Test
    void control_file_row_counts_and_hashes_match_the_files() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Runs.Run run : List.of(Runs.of(Runs.STANDARD), Runs.of(Runs.BROKEN))) {
            Map<String, Long> rowsPerTable = new HashMap<>();
            for (Path day : run.extract().dayFolders()) {
                JsonNode control = json.readTree(day.resolve("extract.json").toFile());
                assertThat(control.path("business_date").asText()).isEqualTo(day.getFileName().toString());
                assertThat(control.path("extract_format").asInt()).isEqualTo(1);
                assertThat(control.path("files").size()).isEqualTo(FORMAT.size());
                for (String file : FORMAT.keySet()) {
                    byte[] bytes = Files.readAllBytes(day.resolve(file + ".csv"));
                    JsonNode totals = control.path("files").path(file + ".csv");
                    long lines = 0;
                    for (byte b : bytes) {
                        lines += b == '\n' ? 1 : 0;
                    }
                    assertThat(bytes[bytes.length - 1]).as("%s ends with a line break", file).isEqualTo((byte) '\n');
                    assertThat(totals.path("rows").asLong()).as("%s %s rows", day, file).isEqualTo(lines - 1);
                    assertThat(totals.path("sha256").asText()).as("%s %s sha256", day, file)
                            .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                    rowsPerTable.merge(file, lines - 1, Long::sum);
                }
            }
            assertThat(rowsPerTable).isEqualTo(run.summary().rowsPerTable());
        }
    }

    @Test
    void every_account_has_a_product_event_on_the_day_it_first_appears() {
        Runs.Run run = Runs.of(Runs.STANDARD);
        Map<String, Integer> firstListed = new HashMap<>();
        run.extract().forEach("accounts", row -> firstListed.putIfAbsent(row.get("account_id"), row.dayIndex()));
        Map<String, Integer> firstEvent = new HashMap<>();
        run.extract().forEach("products", row -> {
            if (!row.get("action").equals("CLOSED")) {
                firstEvent.putIfAbsent(row.get("account_id"), row.dayIndex());
            }
        });
        assertThat(firstEvent).isEqualTo(firstListed);
    }

    @Test
    void the_first_day_is_an_initial_load_and_later_days_carry_only_changes() {
        Runs.Run run = Runs.of(Runs.STANDARD);
        Map<Integer, Long> customersPerDay = new TreeMap<>();
        run.extract().forEach("customers", row -> customersPerDay.merge(row.dayIndex(), 1L, Long::sum));
        assertThat(customersPerDay.get(0)).isEqualTo(run.summary().customersAtStart());
        assertThat(customersPerDay.entrySet().stream().skip(1).mapToLong(Map.Entry::getValue).max().orElseThrow())
                .isLessThan(run.summary().customersAtStart() / 20);
        Map<String, Map<Integer, Long>> actions = new TreeMap<>();
        run.extract().forEach("products", row -> actions.computeIfAbsent(row.get("action"), action -> new TreeMap<>())
                .merge(row.dayIndex() == 0 ? 0 : 1, 1L, Long::sum));
        assertThat(actions.get("HELD")).containsOnlyKeys(0);
        assertThat(actions.get("HELD").get(0)).isGreaterThan(run.summary().customersAtStart());
        assertThat(actions.get("OPENED")).containsKey(1);
        assertThat(actions.get("CLOSED")).containsKey(1);
    }
}
