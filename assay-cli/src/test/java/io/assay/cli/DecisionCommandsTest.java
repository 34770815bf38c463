package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.registry.Environment;
import io.assay.server.scoring.ScoringPlane;
import io.assay.serving.Decision;
import io.assay.serving.DecisionLog;
import io.assay.serving.ScoreAnswer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision log through the assay command, on a real home with real log files, as the people who may (and may not) read it. */
class DecisionCommandsTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path home;
    private CliRunner cli;

    @BeforeEach
    void decisions() {
        cli = new CliRunner(home, Clock.fixed(NOW, ZoneOffset.UTC));
        as("admin", "users", "add", "mo", "--roles", "MLOPS");
        as("admin", "users", "add", "stella", "--roles", "DATA_STEWARD");
        as("admin", "users", "add", "dana", "--roles", "DATA_SCIENTIST");
        as("admin", "users", "add", "aud", "--roles", "AUDITOR");
        Path folder = ScoringPlane.decisionFolder(home, Environment.PRODUCTION);
        append(folder, NOW.minus(Duration.ofDays(500)), "dec-old", "tok-ann");
        append(folder, NOW.minus(Duration.ofDays(3)), "dec-ann", "tok-ann");
        append(folder, NOW.minus(Duration.ofDays(2)), "dec-bob", "tok-bob");
    }

    @Test
    void one_decision_is_shown_with_its_reasons_in_plain_language_and_its_shadow() {
        CliRunner.Run shown = as("mo", "decisions", "show", "dec-ann");

        assertThat(shown.out()).contains("overdraft-40d v2 (champion").contains("tok-ann").contains("crm.app")
                .contains("1. balance below zero on 9 of the last 30 days (NEG_DAYS on balance_now, towards a higher score)")
                .contains("shadow: v3 scored 0.4100").contains("balance_now=-400.0");
    }

    @Test
    void a_customers_export_holds_everything_decided_about_them_and_nothing_about_others() {
        CliRunner.Run exported = as("stella", "decisions", "export", "--customer", "tok-ann");

        List<JsonNode> lines = exported.out().lines().map(DecisionCommandsTest::json).toList();
        assertThat(lines).extracting(line -> line.path("decision_id").asText()).containsExactly("dec-old", "dec-old", "dec-ann", "dec-ann");
        assertThat(lines).allSatisfy(line -> assertThat(line.path("customer").asText()).isEqualTo("tok-ann"));
        assertThat(auditEvents()).contains("decisions.export").contains("customer tok-ann");
    }

    @Test
    void expiry_removes_only_days_past_the_retention_and_is_audited() {
        CliRunner.Run expired = as("stella", "decisions", "expire");

        assertThat(expired.out()).contains("Removed 1 decision log files (2 lines) of days before 2025-11-04");
        assertThat(as("mo", "decisions", "export", "--customer", "tok-ann").out().lines()).hasSize(2);
        assertThat(cli("mo", "decisions", "show", "dec-old").exitCode()).isEqualTo(3);
        assertThat(auditEvents()).contains("decisions.expire").contains("retention 13 months");
    }

    @Test
    void only_the_roles_that_may_read_or_remove_decisions_do() {
        CliRunner.Run scientist = cli("dana", "decisions", "show", "dec-ann");
        CliRunner.Run mlopsExpires = cli("mo", "decisions", "expire");
        CliRunner.Run unknown = cli("mo", "decisions", "show", "dec-nobody");
        CliRunner.Run badEnvironment = cli("mo", "decisions", "show", "dec-ann", "--env", "staging");

        assertThat(scientist.exitCode()).isEqualTo(4);
        assertThat(scientist.err()).contains("ROLE_REQUIRED").contains("may not read the decision log");
        assertThat(mlopsExpires.exitCode()).isEqualTo(4);
        assertThat(mlopsExpires.err()).contains("DATA_STEWARD");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).contains("no decision 'dec-nobody'");
        assertThat(badEnvironment.exitCode()).isEqualTo(2);
        assertThat(badEnvironment.err()).contains("--env is test or production");
    }

    private static void append(Path folder, Instant at, String id, String customer) {
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("balance_now", -400.0);
        features.put("is_student", 0.0);
        try (DecisionLog log = new DecisionLog(folder, Clock.fixed(at, ZoneOffset.UTC))) {
            log.append(new Decision(Decision.DECISION, id, at, "PRODUCTION", "overdraft-40d", 2, "champion", 4, customer, "crm.app",
                    features, List.of(), 0.37, List.of(new ScoreAnswer.Reason("NEG_DAYS", "balance_now", "up",
                    "balance below zero on 9 of the last 30 days")), null));
            log.append(new Decision(Decision.SHADOW, id, at, "PRODUCTION", "overdraft-40d", 3, "shadow", 4, customer, "crm.app", null,
                    List.of(), 0.41, null, null));
        }
    }

    private String auditEvents() {
        Path out = home.resolve("audit-export.jsonl");
        as("aud", "audit", "export", "--from", "2026-12-01", "--to", "2026-12-31", "--out", out.toString());
        try {
            return java.nio.file.Files.readString(out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String line) {
        try {
            return io.assay.api.Wire.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
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
