package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The data commands driven the way a user drives them, on a real home with an embedded database. */
class DataCommandsTest {
    private static final String HEADER = "transaction_id,account_id,customer_id,booking_date,amount,currency,category,channel,"
            + "counterparty_iban,description";

    @TempDir
    Path home;
    @TempDir
    Path inbox;

    CliRunner assay;
    Path day;

    @BeforeEach
    void setUp() throws Exception {
        assay = new CliRunner(home, Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC));
        day = inbox.resolve("2026-11-27");
        Files.createDirectories(day);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 40; i++) {
            csv.append(String.format("T%012d,A%09d,C%08d,2026-11-27,-%d.25,EUR,GROCERIES,CARD,,Jumbo %d%n", i, i, i % 5, i, i));
        }
        csv.append("T000000000099,A000000001,C00000001,2026-11-27,-1.00,EUR,GROCERIES,CARD,,mail jan@example.nl\n");
        Files.writeString(day.resolve("transactions.csv"), csv);
    }

    @Test
    void ingest_day_then_list_show_and_explain_the_quarantine() {
        CliRunner.Run ingest = assay.run("--json", "data", "ingest-day", day.toString(), "--date", "2026-11-27");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        JsonNode table = ingest.json().path("tables").get(0);
        assertThat(table.path("outcome").asText()).isEqualTo("PUBLISHED");
        String id = table.path("snapshot").path("id").asText();
        assertThat(table.path("snapshot").path("rows").asLong()).isEqualTo(40);

        CliRunner.Run list = assay.run("data", "snapshots");
        assertThat(list.out()).contains(id).contains("1 snapshot(s)");

        CliRunner.Run show = assay.run("data", "show", id);
        assertThat(show.out()).contains("contract v1").contains("customer_id").contains("DIRECT_IDENTIFIER");

        CliRunner.Run quarantine = assay.run("--json", "data", "quarantine", id);
        JsonNode row = quarantine.json().path("rows").get(0);
        assertThat(row.path("source_row").asLong()).isEqualTo(42);
        assertThat(row.path("rule").asText()).isEqualTo("LEAKED_IDENTIFIER");
        assertThat(quarantine.out()).doesNotContain("jan@example.nl");

        CliRunner.Run again = assay.run("data", "ingest", day.resolve("transactions.csv").toString(),
                "--table", "transactions", "--date", "2026-11-27");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already ingested");
    }

    @Test
    void the_contracts_in_force_are_listed_with_their_privacy_classes() {
        CliRunner.Run contracts = assay.run("--json", "data", "contracts");

        assertThat(contracts.exitCode()).as(contracts.err()).isZero();
        assertThat(contracts.json().path("contracts")).extracting(c -> c.path("table").asText())
                .containsExactly("accounts", "customers", "digital_events", "products", "transactions");
        assertThat(assay.run("data", "contracts", "customers").out())
                .contains("full_name").contains("DIRECT_IDENTIFIER").contains("dropped");
        assertThat(assay.run("data", "contracts", "loans").exitCode()).isEqualTo(2);
    }

    @Test
    void reads_need_a_grant_and_every_attempt_lands_in_the_read_log() {
        assay.run("data", "ingest-day", day.toString(), "--date", "2026-11-27");

        CliRunner.Run refused = assay.run("--as", "dana", "data", "query", "SELECT count(*) FROM transactions");
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.err()).contains("ACCESS_DENIED").contains("no live grant");

        CliRunner.Run grant = assay.run("--json", "--as", "sam", "data", "grant", "--user", "dana", "--purpose",
                "churn model", "--tables", "transactions", "--expires", "2026-12-31");
        assertThat(grant.exitCode()).as(grant.err()).isZero();
        assertThat(grant.json().path("granted_by").asText()).isEqualTo("sam");

        CliRunner.Run allowed = assay.run("--json", "--as", "dana", "data", "query", "SELECT count(*) AS n FROM transactions");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.json().path("rows").get(0).get(0).asLong()).isEqualTo(40);

        CliRunner.Run reads = assay.run("--json", "data", "reads", "--user", "dana");
        assertThat(reads.json().path("reads")).extracting(read -> read.path("outcome").asText())
                .containsExactly("REFUSED", "ALLOWED");

        String grantId = grant.json().path("id").asText();
        assertThat(assay.run("data", "revoke", grantId).exitCode()).isZero();
        assertThat(assay.run("--as", "dana", "data", "query", "SELECT 1 FROM transactions").exitCode()).isEqualTo(4);
        assertThat(assay.run("data", "grants").out()).contains(grantId).contains("revoked");
    }

    @Test
    void bad_input_gets_a_clear_error_an_exit_code_and_changes_nothing() {
        CliRunner.Run unknownTable = assay.run("--json", "data", "ingest", day.resolve("transactions.csv").toString(),
                "--table", "loans", "--date", "2026-11-27");
        assertThat(unknownTable.exitCode()).isEqualTo(2);
        assertThat(unknownTable.json().path("error").path("code").asText()).isEqualTo("UNKNOWN_TABLE");

        CliRunner.Run badDate = assay.run("data", "ingest", "x.csv", "--table", "transactions", "--date", "27-11-2026");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("--date");

        CliRunner.Run unknownSnapshot = assay.run("data", "show", "nope");
        assertThat(unknownSnapshot.exitCode()).isEqualTo(3);
        assertThat(unknownSnapshot.err()).contains("no snapshot 'nope'");

        CliRunner.Run pastExpiry = assay.run("data", "grant", "--user", "dana", "--purpose", "x", "--tables",
                "transactions", "--expires", "2026-01-01");
        assertThat(pastExpiry.exitCode()).isEqualTo(2);
        assertThat(pastExpiry.err()).contains("in the past");

        assertThat(assay.run("data", "snapshots").out()).contains("0 snapshot(s)");
    }
}
