package io.assay.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors a person can act on: each says what was wrong and what to do, in one line, with the exit code of its kind. */
class CliErrorsTest {
    @TempDir
    Path home;
    @TempDir
    Path work;
    private CliRunner cli;

    @BeforeEach
    void people() {
        cli = new CliRunner(home, Clock.systemUTC());
        cli.run("--as", "admin", "users", "add", "sam", "--roles", "DATA_STEWARD");
    }

    @Test
    void a_date_of_the_wrong_shape_says_how_to_write_one_without_the_whole_usage_text() {
        CliRunner.Run run = cli.run("--as", "sam", "data", "ingest", "x.csv", "--table", "transactions", "--date", "2026/07/03");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("dates are written yyyy-MM-dd (or today, yesterday, +30d, -7d), not '2026/07/03'")
                .contains("see 'assay data ingest --help'").doesNotContain("Usage:").doesNotContain("DateTimeParseException");
    }

    @Test
    void a_mistyped_command_is_answered_with_the_closest_one() {
        CliRunner.Run run = cli.run("--as", "admin", "models", "lst");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("did you mean 'list'?");
    }

    @Test
    void an_unknown_acting_user_is_told_who_the_admin_is() {
        CliRunner.Run run = cli.run("--as", "dana", "users", "add", "eve", "--roles", "DATA_SCIENTIST");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("no active user 'dana'").contains("its admin is admin: act as them with --as admin");
    }

    @Test
    void a_spec_is_checked_before_registration_naming_the_line_of_a_yaml_error_and_a_format_written_as_text() throws Exception {
        Path bad = Files.writeString(work.resolve("bad.yaml"), "spec_format: 1\nsignature:\n  output: [unclosed\n");
        Path text = Files.writeString(work.resolve("text.yaml"), ModelCommandsTest.SPEC.replace("spec_format: 1", "spec_format: \"1.0\""));
        Path twice = Files.writeString(work.resolve("twice.yaml"), ModelCommandsTest.SPEC + "spec_format: 1\n");

        assertThat(cli.run("models", "spec", "check", bad.toString()).err()).contains("bad.yaml is not valid YAML or JSON at line");
        assertThat(cli.run("models", "spec", "check", text.toString()).err()).contains("has spec_format \"1.0\"");
        assertThat(cli.run("models", "spec", "check", twice.toString()).err()).contains("Duplicate field 'spec_format'");
        assertThat(cli.run("models", "spec", "check", Path.of("..", "docs", "example-spec.yaml").toString()).out())
                .contains("is a valid model spec (format 1)");
    }

    @Test
    void revoking_a_revoked_token_says_it_was_done_already() {
        String id = cli.run("--as", "sam", "--pick", "/id", "tokens", "create", "--user", "sam").out().strip();
        cli.run("--as", "admin", "tokens", "revoke", id);

        CliRunner.Run again = cli.run("--as", "admin", "tokens", "revoke", id);

        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.err()).contains("ALREADY_DONE").contains("was revoked already").contains("nothing changed");
    }

    @Test
    void no_server_at_the_address_gets_a_hint_and_a_port_in_use_says_so() throws Exception {
        CliRunner.Run unreachable = cli.run(Map.of("ASSAY_SERVER", "http://127.0.0.1:1", "ASSAY_TOKEN", "assay_x"), "models", "list");
        assertThat(unreachable.err()).contains("SERVER_UNREACHABLE").contains("is 'assay server' running there?");

        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRunner.Run server = cli.run("--as", "admin", "server", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(server.exitCode()).isEqualTo(1);
            assertThat(server.err()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use").doesNotContain("\tat ");
        }
    }

    @Test
    void pick_prints_one_value_of_the_answer_or_says_there_is_none() {
        assertThat(cli.run("--as", "admin", "--pick", "/0/name", "users", "list").out().strip()).isEqualTo("admin");

        CliRunner.Run nothing = cli.run("--as", "admin", "--pick", "/nope", "users", "list");
        assertThat(nothing.exitCode()).isEqualTo(3);
        assertThat(nothing.err()).contains("the answer has nothing at '/nope'");
    }
}
