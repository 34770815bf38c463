package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry through the assay command, as the people of each role use it, on a real home (SQLite and files). */
class ModelCommandsTest {
    static final String SPEC = """
            spec_format: 1
            signature:
              output: churn_probability
              features:
                - {name: balance_trend_90d, type: NUMERIC, min: -10000000, max: 10000000}
                - {name: segment, type: CATEGORICAL, categories: [mass, affluent, student, senior]}
            provenance:
              run_id: run-1
              seed: 7
              snapshots: {transactions-2026-11-27-ab12: %s}
              parameters: {max_depth: "4"}
              libraries: {xgboost4j: 3.0.4}
            metrics:
              - {metric: auc, at_least: 0.72}
            """.formatted("b".repeat(64));

    @TempDir
    Path home;
    @TempDir
    Path work;
    private CliRunner cli;

    @BeforeEach
    void people() {
        cli = new CliRunner(home, Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        as("admin", "users", "add", "dana", "--roles", "DATA_SCIENTIST");
        as("admin", "users", "add", "leo", "--roles", "LEGAL_REVIEWER");
        as("admin", "users", "add", "dora", "--roles", "DATA_REVIEWER");
        as("admin", "users", "add", "cole", "--roles", "COMPLIANCE_REVIEWER");
        as("admin", "users", "add", "mo", "--roles", "MLOPS");
        as("admin", "users", "add", "aud", "--roles", "AUDITOR");
        as("dana", "models", "define", "churn", "--description", "Leaves within a quarter", "--intended-use", "Retention offers",
                "--limitations", "Not for credit decisions", "--risk-tier", "HIGH", "--gates", "metrics", "--apps", "crm-retention");
    }

    @Test
    void a_version_goes_from_draft_to_production_through_distinct_people_and_its_history_says_so() throws Exception {
        register();
        as("dana", "models", "submit", "churn", "1");
        as("mo", "models", "evidence", "churn", "1", "--gate", "metrics", "--passed", "--figure", "auc=0.78", "--engine", "gates 0.1");
        approveAll(1);
        as("mo", "models", "test", "churn", "1", "--name", "backtest", "--passed", "--detail", "out-of-time AUC 0.77");

        JsonNode promoted = as("mo", "--json", "models", "promote", "churn", "1").json();

        assertThat(promoted.get("stage").asText()).isEqualTo("PRODUCTION");
        JsonNode history = as("aud", "--json", "models", "history", "churn", "1").json();
        assertThat(history).extracting(event -> event.get("actor").asText())
                .containsExactly("dana", "dana", "mo", "leo", "dora", "cole", "mo", "mo");
        JsonNode verify = as("aud", "--json", "audit", "verify").json();
        assertThat(verify.get("intact").asBoolean()).isTrue();
        assertThat(as("aud", "--json", "models", "list").json().get(0).get("in_production").asInt()).isEqualTo(1);
    }

    @Test
    void the_author_cannot_approve_and_a_stale_digest_is_refused_with_exit_code_five() throws Exception {
        as("admin", "users", "roles", "dana", "--set", "DATA_SCIENTIST,LEGAL_REVIEWER");
        register();
        as("dana", "models", "submit", "churn", "1");
        as("mo", "models", "evidence", "churn", "1", "--gate", "metrics", "--figure", "auc=0.8", "--engine", "gates 0.1");
        String digest = digest(1);

        CliRunner.Run self = cli("dana", "models", "review", "churn", "1", "--approve", "--comment", "fine", "--digest", digest);
        as("mo", "models", "evidence", "churn", "1", "--gate", "metrics", "--figure", "auc=0.8", "--engine", "gates 0.2");
        CliRunner.Run stale = cli("leo", "models", "review", "churn", "1", "--approve", "--comment", "fine", "--digest", digest);

        assertThat(self.exitCode()).isEqualTo(4);
        assertThat(self.err()).contains("SEGREGATION_OF_DUTIES").contains("dana is the author of churn v1");
        assertThat(stale.exitCode()).isEqualTo(5);
        assertThat(stale.err()).contains("STALE_DIGEST");
    }

    @Test
    void a_reviewer_whose_role_was_revoked_no_longer_counts_at_promotion() throws Exception {
        register();
        as("dana", "models", "submit", "churn", "1");
        as("mo", "models", "evidence", "churn", "1", "--gate", "metrics", "--figure", "auc=0.8", "--engine", "gates 0.1");
        approveAll(1);
        as("mo", "models", "test", "churn", "1", "--name", "backtest", "--passed", "--detail", "ok");
        as("admin", "users", "roles", "leo", "--set", "AUDITOR");

        CliRunner.Run promote = cli("mo", "models", "promote", "churn", "1");

        assertThat(promote.exitCode()).isEqualTo(5);
        assertThat(promote.err()).contains("APPROVALS_INCOMPLETE").contains("LEGAL_REVIEWER");
    }

    @Test
    void hostile_text_is_refused_or_kept_as_text_and_never_breaks_a_log_line() throws Exception {
        register();
        as("dana", "models", "submit", "churn", "1");

        CliRunner.Run forgedDigest = cli("leo", "models", "review", "churn", "1", "--reject", "--comment", "ok",
                "--digest", "abc\nassay: forged line", "--finding", "x");
        CliRunner.Run newline = cli("leo", "models", "review", "churn", "1", "--reject", "--comment", "ok\nassay: forged line",
                "--digest", digest(1), "--finding", "x");
        CliRunner.Run script = cli("leo", "models", "review", "churn", "1", "--reject", "--comment", "<script>alert(1)</script>",
                "--digest", digest(1), "--finding", "Explain the <b>purpose</b>");
        CliRunner.Run huge = cli("dana", "models", "define", "x".repeat(10_000), "--description", "d", "--intended-use", "u",
                "--limitations", "l", "--risk-tier", "LOW");

        assertThat(forgedDigest.exitCode()).isEqualTo(2);
        assertThat(forgedDigest.err().lines()).noneMatch(line -> line.startsWith("assay: forged"));
        assertThat(as("aud", "models", "history", "churn", "1").out().lines()).noneMatch(line -> line.startsWith("assay: forged"));
        assertThat(newline.exitCode()).isEqualTo(2);
        assertThat(newline.err()).contains("control characters").doesNotContain("forged line");
        assertThat(script.exitCode()).isZero();
        assertThat(as("aud", "--json", "models", "show", "churn", "1").json().get("reviews").get(0).get("comment").asText())
                .isEqualTo("<script>alert(1)</script>");
        assertThat(huge.exitCode()).isEqualTo(2);
        assertThat(huge.err().length()).isLessThan(600);
    }

    @Test
    void a_bad_spec_file_names_the_problem_and_registers_nothing() throws Exception {
        Path artifact = Files.writeString(work.resolve("model.json"), "{\"trees\":[]}");
        Path typo = Files.writeString(work.resolve("typo.yaml"), SPEC.replace("at_least", "at_lest"));
        Path wrongFormat = Files.writeString(work.resolve("old.yaml"), SPEC.replace("spec_format: 1", "spec_format: 9"));

        CliRunner.Run first = cli("dana", "models", "register", "churn", "--artifact", artifact.toString(), "--spec", typo.toString());
        CliRunner.Run second = cli("dana", "models", "register", "churn", "--artifact", artifact.toString(), "--spec", wrongFormat.toString());

        assertThat(first.exitCode()).isEqualTo(2);
        assertThat(first.err()).contains("typo.yaml has an unknown key 'at_lest'");
        assertThat(second.err()).contains("spec_format 9");
        assertThat(as("dana", "--json", "models", "list", "churn").json()).isEmpty();
    }

    @Test
    void a_direct_sql_edit_of_the_audit_log_is_caught_at_its_sequence_and_a_rehash_against_a_checkpoint() throws Exception {
        register();
        as("dana", "models", "submit", "churn", "1");
        Path checkpoint = work.resolve("head.json");
        as("aud", "audit", "checkpoint", "--out", checkpoint.toString());
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("metadata/assay.db"));
             Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE audit_events SET reason = 'nothing to see' WHERE sequence = 3");
        }

        CliRunner.Run verify = cli("aud", "--json", "audit", "verify");

        assertThat(verify.exitCode()).isEqualTo(6);
        assertThat(verify.json().get("first_broken_sequence").asLong()).isEqualTo(3);
        assertThat(cli("aud", "audit", "verify", "--against", checkpoint.toString()).out()).contains("BROKEN at event 3");
    }

    @Test
    void a_token_is_printed_once_listed_without_its_secret_and_revocable() {
        JsonNode created = as("mo", "--json", "tokens", "create", "--user", "mo", "--label", "deploy pipeline").json();
        String secret = created.get("token").asText();

        String listed = as("admin", "--json", "tokens", "list").out();
        as("admin", "tokens", "revoke", created.get("id").asText());

        assertThat(secret).startsWith("assay_" + created.get("id").asText() + "_");
        assertThat(listed).contains(created.get("id").asText()).doesNotContain(secret.substring(24));
        assertThat(as("mo", "--json", "tokens", "list", "--user", "mo").json().get(0).get("revoked_at").isNull()).isFalse();
        assertThat(cli("mo", "tokens", "list").exitCode()).as("everyone's tokens are the admin's to list").isEqualTo(4);
    }

    /** Regression: an admin could make a token for any person, and with it act as them past every segregation of duties. */
    @Test
    void a_person_makes_their_own_token_and_an_admin_only_those_of_applications() {
        as("admin", "users", "add", "crm", "--roles", "APP");

        CliRunner.Run forLeo = cli("admin", "tokens", "create", "--user", "leo");
        CliRunner.Run forMo = cli("dana", "tokens", "create", "--user", "mo");

        assertThat(forLeo.exitCode()).isEqualTo(4);
        assertThat(forLeo.err()).contains("SEGREGATION_OF_DUTIES").contains("a person makes their own");
        assertThat(forMo.err()).contains("dana may make only their own tokens");
        assertThat(as("admin", "--json", "tokens", "create", "--user", "crm").json().get("token").asText()).startsWith("assay_");
        assertThat(as("leo", "--json", "tokens", "create", "--user", "leo").json().get("user").asText()).isEqualTo("leo");
    }

    @Test
    void deploy_and_rollback_are_short_forms_over_routing_and_production_still_takes_the_lifecycle() throws Exception {
        for (int version = 1; version <= 3; version++) {
            register("{\"trees\":[],\"v\":" + version + "}");
            as("dana", "models", "submit", "churn", Integer.toString(version));
            as("mo", "models", "evidence", "churn", Integer.toString(version), "--gate", "metrics", "--passed", "--figure", "auc=0.78",
                    "--engine", "gates 0.1");
            approveAll(version);
            as("mo", "models", "test", "churn", Integer.toString(version), "--name", "backtest", "--passed", "--detail", "ok");
        }

        CliRunner.Run full = as("mo", "deploy", "churn", "1", "--env", "production", "--strategy", "full");
        CliRunner.Run canary = as("mo", "deploy", "churn", "2", "--env", "production", "--strategy", "canary:10");
        CliRunner.Run shadow = as("mo", "deploy", "churn", "3", "--env", "production", "--strategy", "shadow");
        CliRunner.Run rollback = as("mo", "rollback", "churn", "--env", "production");
        CliRunner.Run nothingLeft = cli("mo", "rollback", "churn", "--env", "production");
        CliRunner.Run tooBig = cli("mo", "deploy", "churn", "2", "--env", "production", "--strategy", "canary:60");
        CliRunner.Run author = cli("dana", "deploy", "churn", "2", "--env", "test", "--strategy", "full");

        assertThat(full.out()).contains("Promoted churn v1").contains("champion v1");
        assertThat(as("aud", "--json", "models", "show", "churn", "1").json().get("stage").asText()).isEqualTo("PRODUCTION");
        assertThat(canary.out()).contains("champion v1, canary v2 at 10%");
        assertThat(shadow.out()).contains("champion v1, canary v2 at 10%").contains("v3");
        assertThat(rollback.out()).contains("Rolled back the canary v2").doesNotContain("canary v2 at").contains("v3");
        assertThat(nothingLeft.exitCode()).isEqualTo(2);
        assertThat(nothingLeft.err()).contains("nothing to roll back");
        assertThat(tooBig.exitCode()).isEqualTo(2);
        assertThat(tooBig.err()).contains("--strategy is shadow, canary:N (N = 1 to 50) or full");
        assertThat(author.exitCode()).isEqualTo(4);
    }

    private void register() throws Exception {
        register("{\"trees\":[]}");
    }

    private void register(String model) throws Exception {
        Path artifact = Files.writeString(work.resolve("model.json"), model);
        Path spec = Files.writeString(work.resolve("spec.yaml"), SPEC);
        as("dana", "models", "register", "churn", "--artifact", artifact.toString(), "--spec", spec.toString());
    }

    private void approveAll(int version) {
        for (String reviewer : new String[] {"leo", "dora", "cole"}) {
            as(reviewer, "models", "review", "churn", Integer.toString(version), "--approve", "--comment", "checked",
                    "--digest", digest(version));
        }
    }

    private String digest(int version) {
        return as("aud", "--json", "models", "show", "churn", Integer.toString(version)).json().get("evidence_digest").asText();
    }

    private CliRunner.Run as(String user, String... args) {
        CliRunner.Run run = cli(user, args);
        assertThat(run.exitCode()).as("%s %s: %s", user, String.join(" ", args), run.err()).isZero();
        return run;
    }

    private CliRunner.Run cli(String user, String... args) {
        String[] withUser = new String[args.length + 2];
        withUser[0] = "--as";
        withUser[1] = user;
        System.arraycopy(args, 0, withUser, 2, args.length);
        return cli.run(withUser);
    }
}
