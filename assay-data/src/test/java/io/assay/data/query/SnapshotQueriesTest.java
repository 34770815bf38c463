package io.assay.data.query;

import io.assay.core.common.IdSource;
import io.assay.core.data.DataRead;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DataEnvironment;
import io.assay.data.DataLayout;
import io.assay.testing.InMemoryDataCatalog;
import io.assay.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotQueriesTest {
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String HEADER = "transaction_id,account_id,customer_id,booking_date,amount,currency,category,channel,"
            + "counterparty_iban,description";

    @TempDir
    Path home;

    InMemoryDataCatalog catalog;
    SettableClock clock;
    DataEnvironment data;

    @BeforeEach
    void ingestTwoDays() throws Exception {
        catalog = new InMemoryDataCatalog();
        clock = new SettableClock(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
        data = new DataEnvironment(new DataLayout(home), catalog, io.assay.testing.DataFixtures.people(), catalog.audit(), clock, IdSource.sequential(), Optional.of(KEY));
        for (String day : List.of("2026-11-26", "2026-11-27")) {
            Path file = home.resolve("in/" + day + ".csv");
            Files.createDirectories(file.getParent());
            Files.writeString(file, HEADER + "\n"
                    + "T000000000001,A000000001,C00000001," + day + ",-10.00,EUR,GROCERIES,CARD,,shop\n"
                    + "T000000000002,A000000002,C00000002," + day + ",2500.00,EUR,SALARY,SEPA,,pay\n");
            data.ingest("ingest.robot", file, "transactions", LocalDate.parse(day), Optional.empty());
        }
    }

    @Test
    void a_user_without_a_grant_is_refused_and_the_refusal_is_logged() {
        assertThatThrownBy(() -> data.query("dana", "SELECT count(*) FROM transactions", 10))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("dana").hasMessageContaining("transactions")
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.ACCESS_DENIED);

        assertThat(catalog.listReads(Optional.of("dana"))).singleElement()
                .satisfies(read -> assertThat(read.outcome()).isEqualTo(DataRead.Outcome.REFUSED));
    }

    @Test
    void with_a_live_grant_the_query_runs_over_every_day_and_the_read_is_logged_with_its_purpose() {
        var grant = data.access().grant("dana", "overdraft model", List.of("transactions"), LocalDate.of(2026, 12, 31), "sam");

        QueryResult result = data.query("dana",
                "SELECT business_date, sum(amount) AS total FROM transactions GROUP BY 1 ORDER BY 1", 10);

        assertThat(result.columns()).containsExactly("business_date", "total");
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).get(1).toString()).isEqualTo("2490.00");
        assertThat(result.read().grantIds()).containsExactly(grant.id());
        assertThat(result.read().purpose()).isEqualTo("overdraft model");
        assertThat(result.read().detail()).startsWith("query sha256:");
    }

    @Test
    void a_revoked_or_expired_grant_no_longer_opens_the_data() {
        var grant = data.access().grant("dana", "overdraft model", List.of("transactions"), LocalDate.of(2026, 11, 30), "sam");
        assertThat(data.query("dana", "SELECT 1 FROM transactions", 1).rows()).hasSize(1);

        clock.advance(Duration.ofDays(3));
        assertThatThrownBy(() -> data.query("dana", "SELECT 1 FROM transactions", 1))
                .hasMessageContaining("no live grant");

        clock.set(Instant.parse("2026-11-28T09:00:00Z"));
        data.access().revoke(grant.id(), "sam");
        assertThatThrownBy(() -> data.query("dana", "SELECT 1 FROM transactions", 1))
                .hasMessageContaining("no live grant");
    }

    @Test
    void a_grant_on_one_table_does_not_open_another_joined_to_it() {
        data.access().grant("dana", "overdraft model", List.of("transactions"), LocalDate.of(2026, 12, 31), "sam");

        assertThatThrownBy(() -> data.query("dana",
                "WITH t AS (SELECT * FROM transactions) SELECT * FROM t JOIN customers USING (customer_id)", 10))
                .hasMessageContaining("no live grant for table(s) customers");
    }

    @Test
    void files_table_functions_and_statements_other_than_select_are_refused() {
        data.access().grant("dana", "overdraft model", List.of("transactions"), LocalDate.of(2026, 12, 31), "sam");

        assertThatThrownBy(() -> data.query("dana", "SELECT * FROM read_csv('/etc/passwd')", 10))
                .hasMessageContaining("table function (read_csv)");
        assertThatThrownBy(() -> data.query("dana", "SELECT * FROM '/etc/passwd'", 10))
                .isInstanceOf(AssayException.class);
        assertThatThrownBy(() -> data.query("dana", "DROP TABLE transactions", 10))
                .hasMessage("only SELECT statements run here: the data environment is read-only, and this statement would change or export it");
        assertThatThrownBy(() -> data.query("dana", "SELECT 1 FROM transactions; SELECT 2 FROM transactions", 10))
                .isInstanceOf(AssayException.class);
        assertThatThrownBy(() -> data.query("dana", "SELECT 1 FROM loans", 10))
                .hasMessageContaining("unknown table 'loans'");
        // Regression: these were refused but not logged, though the read log promises every attempt.
        assertThat(data.access().reads("aud", Optional.of("dana"))).hasSize(5)
                .allSatisfy(read -> assertThat(read.outcome()).isEqualTo(io.assay.core.data.DataRead.Outcome.REFUSED));
    }

    @Test
    void results_stop_at_the_row_limit_and_say_so() {
        data.access().grant("dana", "overdraft model", List.of("transactions"), LocalDate.of(2026, 12, 31), "sam");

        QueryResult result = data.query("dana", "SELECT * FROM transactions", 3);

        assertThat(result.rows()).hasSize(3);
        assertThat(result.truncated()).isTrue();
    }
}
