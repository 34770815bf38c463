package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The objection registry through the assay command on a real home: by raw id in, by token kept, the data steward's alone. */
class ObjectionCommandsTest {
    @TempDir
    Path home;
    private CliRunner cli;

    @BeforeEach
    void people() {
        cli = new CliRunner(home, Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));
        as("admin", "users", "add", "stella", "--roles", "DATA_STEWARD");
        as("admin", "users", "add", "mo", "--roles", "MLOPS");
        as("admin", "users", "add", "aud", "--roles", "AUDITOR");
    }

    @Test
    void an_objection_is_entered_by_raw_id_kept_by_token_and_withdrawn_by_the_same_id() throws Exception {
        JsonNode added = as("stella", "--json", "objections", "add", "--customer-id", "C00000042", "--note", "letter of 2026-11-30").json();
        String token = added.path("customer").asText();

        assertThat(token).isNotEqualTo("C00000042").doesNotContain("C00000042").hasSizeGreaterThanOrEqualTo(16);
        assertThat(as("stella", "--json", "objections", "list").json()).extracting(o -> o.path("customer").asText()).containsExactly(token);
        assertThat(as("stella", "objections", "list").out()).doesNotContain("C00000042");

        as("stella", "objections", "remove", "--customer-id", "C00000042", "--reason", "consented again on 2026-12-03");

        assertThat(as("stella", "--json", "objections", "list").json()).isEmpty();
        Path events = home.resolve("events.jsonl");
        as("aud", "audit", "export", "--from", "2026-12-04", "--to", "2026-12-04", "--out", events.toString());
        assertThat(java.nio.file.Files.readString(events)).contains("objection.add").contains("objection.remove")
                .contains("consented again").doesNotContain("C00000042");
    }

    @Test
    void only_the_data_steward_keeps_objections_and_one_per_customer() {
        as("stella", "objections", "add", "--customer-id", "C00000042", "--note", "phone call");

        CliRunner.Run twice = cli("stella", "objections", "add", "--customer-id", "C00000042", "--note", "again");
        CliRunner.Run mlops = cli("mo", "objections", "add", "--customer-id", "C00000043", "--note", "x");
        CliRunner.Run auditorList = cli("aud", "objections", "list");
        CliRunner.Run noneToRemove = cli("stella", "objections", "remove", "--customer-id", "C00000099", "--reason", "x");

        assertThat(twice.exitCode()).isEqualTo(5);
        assertThat(twice.err()).contains("objects to marketing already");
        assertThat(mlops.exitCode()).isEqualTo(4);
        assertThat(mlops.err()).contains("may not record, withdraw and list marketing objections").contains("DATA_STEWARD");
        assertThat(auditorList.exitCode()).isEqualTo(4);
        assertThat(noneToRemove.exitCode()).isEqualTo(3);
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
