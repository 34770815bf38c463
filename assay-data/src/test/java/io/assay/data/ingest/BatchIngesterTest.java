package io.assay.data.ingest;

import io.assay.core.common.IdSource;
import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DataEnvironment;
import io.assay.data.DataLayout;
import io.assay.data.QuarantineReader;
import io.assay.data.privacy.PseudonymKey;
import io.assay.data.privacy.Pseudonymiser;
import io.assay.testing.InMemoryDataCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchIngesterTest {
    static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @TempDir
    Path home;
    @TempDir
    Path inbox;

    InMemoryDataCatalog catalog;
    DataEnvironment data;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryDataCatalog();
        data = new DataEnvironment(new DataLayout(home), catalog, io.assay.testing.DataFixtures.people(), catalog.audit(),
                Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC), IdSource.sequential(), Optional.of(KEY));
    }

    IngestResult ingest(Path file) {
        return data.ingest("ingest.robot", file, "transactions", DAY, Optional.empty());
    }

    @Test
    void publishes_a_valid_batch_as_a_pseudonymised_parquet_snapshot() throws Exception {
        Path file = Batches.transactions().validRows(20, "2026-11-27").writeTo(inbox.resolve("transactions.csv"));

        IngestResult result = ingest(file);

        Snapshot snapshot = result.snapshot();
        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.PUBLISHED);
        assertThat(snapshot.rowCount()).isEqualTo(20);
        assertThat(snapshot.quarantinedRows()).isZero();
        assertThat(catalog.findSnapshot(snapshot.id())).contains(snapshot);
        Path folder = data.layout().folderOf(snapshot);
        assertThat(folder.resolve("manifest.json")).exists();
        List<List<Object>> rows = query("SELECT business_date, transaction_id, customer_id, amount FROM read_parquet('"
                + folder.resolve("data.parquet") + "') ORDER BY transaction_id LIMIT 1");
        assertThat(rows.get(0).get(0).toString()).isEqualTo("2026-11-27");
        assertThat(rows.get(0).get(1)).isEqualTo("T000000000001");
        assertThat((String) rows.get(0).get(2)).hasSize(32).isNotEqualTo("C00000001");
        assertThat(rows.get(0).get(3).toString()).isEqualTo("-2.50");
        assertThat(snapshot.columns()).extracting(c -> c.name()).doesNotContain("full_name").contains("business_date");
    }

    @Test
    void the_same_batch_twice_is_a_no_op_reported_as_such() {
        Path file = Batches.transactions().validRows(5, "2026-11-27").writeTo(inbox.resolve("transactions.csv"));
        IngestResult first = ingest(file);

        IngestResult second = ingest(file);

        assertThat(second.outcome()).isEqualTo(IngestResult.Outcome.ALREADY_INGESTED);
        assertThat(second.snapshot()).isEqualTo(first.snapshot());
        assertThat(catalog.listSnapshots(Optional.empty())).hasSize(1);
    }

    @Test
    void bad_rows_are_quarantined_with_line_rule_and_reason_and_the_rest_published() {
        Path file = Batches.transactions().validRows(120, "2026-11-27")
                .line("T900000000001,A000000001,C00000001,2026-11-31,-1.00,EUR,GROCERIES,CARD,,shop")
                .line("T900000000002,A000000001,C00000001,2026-11-27,abc,EUR,GROCERIES,CARD,,shop")
                .line("T900000000003,A000000001,C00000001,2026-11-27,-1.00,EUR,PAYROLL,CARD,,shop")
                .line("T900000000004,A000000001,C00000001,2026-11-27,-1.00,EUR,GROCERIES,CARD,,refund to NL91ABNA0417164300")
                .line(Batches.row(3, "2026-11-27"))
                .writeTo(inbox.resolve("transactions.csv"));

        Snapshot snapshot = ingest(file).snapshot();

        assertThat(snapshot.rowCount()).isEqualTo(120);
        assertThat(snapshot.quarantined()).containsEntry("INVALID_DATE", 1L).containsEntry("INVALID_NUMBER", 1L)
                .containsEntry("UNKNOWN_CODE", 1L).containsEntry("LEAKED_IDENTIFIER", 1L).containsEntry("DUPLICATE_KEY", 1L);
        List<QuarantineReader.Entry> entries = data.quarantine("aud", snapshot.id(), 10);
        assertThat(entries).extracting(QuarantineReader.Entry::sourceRow).containsExactly(122L, 123L, 124L, 125L, 126L);
        assertThat(entries.get(0).detail()).contains("'2026-11-31'").contains("not a date");
        assertThat(entries.get(2).column()).isEqualTo("category");
        assertThat(entries.get(3).detail()).contains("an IBAN").doesNotContain("NL91ABNA0417164300");
    }

    @Test
    void every_published_row_names_its_source_line_and_a_repeated_key_keeps_only_the_first() throws Exception {
        Path file = Batches.transactions().validRows(40, "2026-11-27").line(Batches.row(3, "2026-11-27"))
                .writeTo(inbox.resolve("transactions.csv"));

        Snapshot snapshot = ingest(file).snapshot();

        List<List<Object>> lines = query("SELECT source_line, transaction_id FROM read_parquet('"
                + data.layout().folderOf(snapshot).resolve("data.parquet") + "')");
        assertThat(lines).hasSize(40);
        assertThat(lines.get(0)).containsExactly(2L, "T000000000001");
        assertThat(lines).extracting(row -> row.get(0)).doesNotContain(42L).isSorted();
        assertThat(data.quarantine("aud", snapshot.id(), 5)).singleElement()
                .satisfies(entry -> assertThat(entry.sourceRow()).isEqualTo(42L))
                .satisfies(entry -> assertThat(entry.rule()).isEqualTo("DUPLICATE_KEY"));
    }

    @Test
    void a_batch_of_many_chunks_checked_in_parallel_comes_out_in_source_order_with_every_bad_row_in_quarantine()
            throws Exception {
        // Records are checked in chunks of 2,048 on several threads: bad rows sit on both sides of
        // chunk boundaries, and the file ends cut off mid-row.
        Set<Integer> bad = Set.of(1, 2048, 2049, 4096, 6001, 9999);
        StringBuilder content = new StringBuilder(Batches.HEADER).append('\n');
        for (int n = 1; n <= 10_000; n++) {
            content.append(bad.contains(n) ? Batches.row(n, "2026-11-27").replace(",EUR,", ",XXX,") : Batches.row(n, "2026-11-27"))
                    .append('\n');
        }
        Path file = Batches.write(inbox.resolve("transactions.csv"), content.substring(0, content.length() - 12));

        Snapshot snapshot = ingest(file).snapshot();

        assertThat(snapshot.rowCount()).isEqualTo(10_000 - bad.size() - 1);
        assertThat(snapshot.quarantined()).containsOnly(Map.entry("UNKNOWN_CODE", (long) bad.size()), Map.entry("TRUNCATED_ROW", 1L));
        assertThat(data.quarantine("aud", snapshot.id(), 10)).extracting(QuarantineReader.Entry::sourceRow)
                .containsExactly(2L, 2049L, 2050L, 4097L, 6002L, 10000L, 10001L);
        List<List<Object>> rows = query("SELECT source_line, transaction_id, customer_id FROM read_parquet('"
                + data.layout().folderOf(snapshot).resolve("data.parquet") + "')");
        Pseudonymiser tokens = new Pseudonymiser(PseudonymKey.of(HexFormat.of().parseHex(KEY)));
        List<List<Object>> expected = new ArrayList<>();
        for (int n = 1; n < 10_000; n++) {
            if (!bad.contains(n)) {
                expected.add(List.of((long) n + 1, String.format("T%012d", n), tokens.token("customer", String.format("C%08d", n % 7))));
            }
        }
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void a_raw_iban_in_free_text_never_reaches_any_file_of_the_snapshot() throws Exception {
        Path file = Batches.transactions().validRows(40, "2026-11-27")
                .line("T900000000004,A000000001,C00000001,2026-11-27,-1.00,EUR,GROCERIES,CARD,,to NL91ABNA0417164300")
                .writeTo(inbox.resolve("transactions.csv"));

        Snapshot snapshot = ingest(file).snapshot();

        try (Stream<Path> files = Files.walk(data.layout().folderOf(snapshot))) {
            for (Path published : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(published), StandardCharsets.ISO_8859_1))
                        .as(published.toString()).doesNotContain("NL91ABNA0417164300").doesNotContain("C00000001");
            }
        }
    }

    @Test
    void a_batch_with_too_many_bad_rows_is_rejected_whole_and_nothing_is_published() {
        Batches batch = Batches.transactions().validRows(10, "2026-11-27");
        for (int i = 0; i < 5; i++) {
            batch.line(String.format("T8000000000%02d,A000000001,C00000001,2026-11-26,-1.00,EUR,GROCERIES,CARD,,shop", i));
        }
        Path file = batch.writeTo(inbox.resolve("transactions.csv"));

        assertThatThrownBy(() -> ingest(file))
                .isInstanceOfSatisfying(BatchRejectedException.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo(ErrorCode.BATCH_REJECTED);
                    assertThat(rejected.report().byRule()).containsEntry("NOT_ON_BUSINESS_DATE", 5L);
                    assertThat(rejected.report().savedAt()).exists();
                })
                .hasMessageContaining("transactions.csv").hasMessageContaining("5 of 15 rows")
                .hasMessageContaining("row 12 NOT_ON_BUSINESS_DATE in booking_date");
        assertThat(catalog.listSnapshots(Optional.empty())).isEmpty();
        assertThat(data.layout().snapshots()).doesNotExist();
    }

    @Test
    void one_bad_row_in_a_small_delta_is_quarantined_rather_than_rejecting_the_batch() {
        Path file = Batches.transactions().validRows(4, "2026-11-27")
                .line("T900000000001,A000000001,C00000001,2026-11-27,-1.00,EUR,PAYROLL,CARD,,shop")
                .writeTo(inbox.resolve("transactions.csv"));

        Snapshot snapshot = ingest(file).snapshot();

        assertThat(snapshot.rowCount()).isEqualTo(4);
        assertThat(snapshot.quarantined()).containsEntry("UNKNOWN_CODE", 1L);
    }

    @Test
    void a_header_with_a_missing_and_an_extra_column_is_refused_naming_both() {
        Path file = Batches.transactions().header(Batches.HEADER.replace(",channel", ",chanel"))
                .validRows(3, "2026-11-27").writeTo(inbox.resolve("transactions.csv"));

        assertThatThrownBy(() -> ingest(file))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("transactions.csv").hasMessageContaining("line 1")
                .hasMessageContaining("missing column(s) channel").hasMessageContaining("unexpected column(s) 'chanel'");
        assertThat(catalog.listSnapshots(Optional.empty())).isEmpty();
    }

    @Test
    void columns_in_another_order_are_matched_by_name() {
        Path file = Batches.transactions()
                .header("account_id,transaction_id,customer_id,booking_date,amount,currency,category,channel,counterparty_iban,description")
                .line("A000000001,T000000000001,C00000001,2026-11-27,-1.00,EUR,GROCERIES,CARD,,shop")
                .writeTo(inbox.resolve("transactions.csv"));

        assertThat(ingest(file).snapshot().rowCount()).isEqualTo(1);
    }

    @Test
    void an_empty_file_is_refused_and_a_header_only_file_publishes_an_empty_snapshot() {
        Path empty = Batches.write(inbox.resolve("empty.csv"), "");
        assertThatThrownBy(() -> ingest(empty)).hasMessageContaining("empty.csv").hasMessageContaining("is empty");

        Path headerOnly = Batches.transactions().writeTo(inbox.resolve("transactions.csv"));
        assertThat(ingest(headerOnly).snapshot().rowCount()).isZero();
    }

    @Test
    void a_file_cut_off_mid_row_quarantines_the_cut_row() {
        String content = Batches.HEADER + "\n" + String.join("\n",
                java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> Batches.row(i, "2026-11-27")).toList());
        Path cut = Batches.write(inbox.resolve("cut.csv"), content.substring(0, content.length() - 12));

        Snapshot snapshot = ingest(cut).snapshot();

        assertThat(snapshot.rowCount()).isEqualTo(39);
        assertThat(snapshot.quarantined()).containsEntry("TRUNCATED_ROW", 1L);
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_naming_the_line() throws Exception {
        Path file = inbox.resolve("latin1.csv");
        Files.write(file, (Batches.HEADER + "\n" + Batches.row(1, "2026-11-27") + "\n"
                + "T000000000002,A000000002,C00000002,2026-11-27,-1.00,EUR,GROCERIES,CARD,,Caf\u00e9 Utrecht\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ingest(file))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("latin1.csv").hasMessageContaining("not valid UTF-8");
        assertThat(catalog.listSnapshots(Optional.empty())).isEmpty();
    }

    @Test
    void rows_with_too_few_or_too_many_fields_are_quarantined() {
        Path file = Batches.transactions().validRows(40, "2026-11-27")
                .line("T900000000001,A000000001,C00000001")
                .line(Batches.row(41, "2026-11-27") + ",extra")
                .writeTo(inbox.resolve("transactions.csv"));

        assertThat(ingest(file).snapshot().quarantined()).containsEntry("FIELD_COUNT", 2L);
    }

    @Test
    void unknown_tables_missing_files_and_future_days_are_refused() {
        Path file = Batches.transactions().validRows(1, "2026-11-27").writeTo(inbox.resolve("transactions.csv"));

        assertThatThrownBy(() -> data.ingest("ingest.robot", file, "loans", DAY, Optional.empty()))
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.UNKNOWN_TABLE);
        assertThatThrownBy(() -> data.ingest("ingest.robot", inbox.resolve("nope.csv"), "transactions", DAY, Optional.empty()))
                .hasMessageContaining("nope.csv").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> data.ingest("ingest.robot", file, "transactions", LocalDate.of(2026, 12, 1), Optional.empty()))
                .hasMessageContaining("in the future");
    }

    static List<List<Object>> query(String sql) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
