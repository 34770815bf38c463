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
    static final String HEADER = "transaction_id,account_id,customer_id,booking_date,amount,currency,category,channel,"
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
        for (String[] person : new String[][] {{"sam", "DATA_STEWARD"}, {"dana", "DATA_SCIENTIST"}, {"aud", "AUDITOR"}}) {
            CliRunner.Run added = assay.run("--as", "tester", "users", "add", person[0], "--roles", person[1]);
            assertThat(added.exitCode()).as(added.err()).isZero();
        }
    }

    private CliRunner.Run as(String user, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--as";
        all[1] = user;
        System.arraycopy(args, 0, all, 2, args.length);
        return assay.run(all);
    }

    @Test
    void ingest_day_then_list_show_and_explain_the_quarantine() {
        CliRunner.Run ingest = as("sam", "--json", "data", "ingest-day", day.toString(), "--date", "2026-11-27");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        JsonNode table = ingest.json().path("tables").get(0);
        assertThat(table.path("outcome").asText()).isEqualTo("PUBLISHED");
        String id = table.path("snapshot").path("id").asText();
        assertThat(table.path("snapshot").path("rows").asLong()).isEqualTo(40);

        CliRunner.Run list = as("aud", "data", "snapshots");
        assertThat(list.out()).contains(id).contains("1 snapshot(s)");

        CliRunner.Run show = as("dana", "data", "show", id);
        assertThat(show.out()).contains("contract v1").contains("customer_id").contains("DIRECT_IDENTIFIER");

        CliRunner.Run quarantine = as("sam", "--json", "data", "quarantine", id);
        JsonNode row = quarantine.json().path("rows").get(0);
        assertThat(row.path("source_row").asLong()).isEqualTo(42);
        assertThat(row.path("rule").asText()).isEqualTo("LEAKED_IDENTIFIER");
        assertThat(quarantine.out()).doesNotContain("jan@example.nl");

        CliRunner.Run again = as("sam", "data", "ingest", day.resolve("transactions.csv").toString(),
                "--table", "transactions", "--date", "2026-11-27");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already ingested");
    }

    @Test
    void the_contracts_in_force_are_listed_with_their_privacy_classes() {
        CliRunner.Run contracts = as("dana", "--json", "data", "contracts");

        assertThat(contracts.exitCode()).as(contracts.err()).isZero();
        assertThat(contracts.json().path("contracts")).extracting(c -> c.path("table").asText())
                .containsExactly("accounts", "customers", "digital_events", "products", "transactions");
        assertThat(as("dana", "data", "contracts", "customers").out())
                .contains("full_name").contains("DIRECT_IDENTIFIER").contains("dropped");
        assertThat(as("dana", "data", "contracts", "loans").exitCode()).isEqualTo(2);
    }

    @Test
    void reads_need_a_grant_and_every_attempt_lands_in_the_read_log() {
        as("sam", "data", "ingest-day", day.toString(), "--date", "2026-11-27");

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

        CliRunner.Run reads = as("dana", "--json", "data", "reads", "--user", "dana");
        assertThat(reads.json().path("reads")).extracting(read -> read.path("outcome").asText())
                .containsExactly("REFUSED", "ALLOWED");

        String grantId = grant.json().path("id").asText();
        assertThat(as("sam", "data", "revoke", grantId).exitCode()).isZero();
        assertThat(assay.run("--as", "dana", "data", "query", "SELECT 1 FROM transactions").exitCode()).isEqualTo(4);
        assertThat(as("aud", "data", "grants").out()).contains(grantId).contains("revoked");
        assertThat(as("dana", "data", "reads").exitCode()).as("the whole read log is not a data scientist's").isEqualTo(4);
    }

    @Test
    void bad_input_gets_a_clear_error_an_exit_code_and_changes_nothing() {
        CliRunner.Run unknownTable = as("sam", "--json", "data", "ingest", day.resolve("transactions.csv").toString(),
                "--table", "loans", "--date", "2026-11-27");
        assertThat(unknownTable.exitCode()).isEqualTo(2);
        assertThat(unknownTable.json().path("error").path("code").asText()).isEqualTo("UNKNOWN_TABLE");

        CliRunner.Run badDate = as("sam", "data", "ingest", "x.csv", "--table", "transactions", "--date", "27-11-2026");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("--date");

        CliRunner.Run unknownSnapshot = as("aud", "data", "show", "nope");
        assertThat(unknownSnapshot.exitCode()).isEqualTo(3);
        assertThat(unknownSnapshot.err()).contains("no snapshot 'nope'");

        CliRunner.Run pastExpiry = as("sam", "data", "grant", "--user", "dana", "--purpose", "x", "--tables",
                "transactions", "--expires", "2026-01-01");
        assertThat(pastExpiry.exitCode()).isEqualTo(2);
        assertThat(pastExpiry.err()).contains("in the past");

        assertThat(as("aud", "data", "snapshots").out()).contains("0 snapshot(s)");
    }

    /** Regression: anyone, even someone who was no user, could grant data access, to themselves too. */
    @Test
    void only_a_data_steward_grants_access_to_another_active_user() {
        CliRunner.Run self = as("dana", "data", "grant", "--user", "dana", "--purpose", "x", "--tables", "transactions",
                "--expires", "2026-12-31");
        assertThat(self.exitCode()).isEqualTo(4);
        assertThat(self.err()).contains("dana may not grant and revoke data access: it takes the DATA_STEWARD role");

        CliRunner.Run ghost = as("eve", "data", "grant", "--user", "eve", "--purpose", "x", "--tables", "transactions",
                "--expires", "2026-12-31");
        assertThat(ghost.exitCode()).isEqualTo(4);
        assertThat(ghost.err()).contains("UNAUTHENTICATED").contains("no active user 'eve'");

        CliRunner.Run toThemselves = as("sam", "data", "grant", "--user", "sam", "--purpose", "x", "--tables", "transactions",
                "--expires", "2026-12-31");
        assertThat(toThemselves.err()).contains("SEGREGATION_OF_DUTIES");

        CliRunner.Run toNobody = as("sam", "data", "grant", "--user", "nobody", "--purpose", "x", "--tables", "transactions",
                "--expires", "2026-12-31");
        assertThat(toNobody.exitCode()).isEqualTo(3);

        assertThat(as("aud", "--json", "data", "grants").json().path("grants")).isEmpty();
    }
}
