package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.server.AdminToken;
import io.assay.server.ServerApp;
import io.assay.server.ServerConfig;
import io.assay.store.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same story told twice through the assay command: once in-process on a local home, once
 * against a running server with each person's token. Every step must answer the same: exit
 * code, JSON (apart from times, hashes and request ids) and error message.
 */
class RemoteModeTest {
    private static final Set<String> VARYING = Set.of("time", "created_at", "updated_at", "registered_at", "reviewed_at", "recorded_at",
            "exported_at", "hash", "previous_hash", "head_hash", "evidence_digest", "digest", "request_id", "sequence", "head_sequence",
            "events_checked", "id", "token", "created_by", "events", "file", "checkpoint_sequence");

    private static final java.util.regex.Pattern ERROR_CODE = java.util.regex.Pattern.compile("^assay: ([A-Z_]+): ");

    @TempDir
    Path localHome;
    @TempDir
    Path serverHome;
    @TempDir
    Path work;

    private final Clock clock = Clock.systemUTC();

    interface Mode {
        CliRunner.Run as(String person, String... args);
    }

    @Test
    void every_step_answers_the_same_in_process_and_against_a_server() throws Exception {
        CliRunner local = new CliRunner(localHome, clock);
        List<String> inProcess = story((person, args) -> local.run(prepend(new String[] {"--as", person}, args)));

        ServerConfig config = ServerConfig.from(Map.of(), "admin").withPort(0);
        try (ServerApp server = ServerApp.start(config, DatabaseConfig.embedded(serverHome), serverHome, Optional.empty(), clock, "test",
                line -> { })) {
            CliRunner remote = new CliRunner(work, clock);
            Map<String, String> tokens = new HashMap<>();
            tokens.put("admin", Files.readString(serverHome.resolve(AdminToken.FILE_NAME)).strip());
            String url = "http://127.0.0.1:" + server.port();
            Mode overHttp = (person, args) -> {
                if (!tokens.containsKey(person)) {
                    CliRunner.Run issued = remote.run(Map.of("ASSAY_SERVER", url, "ASSAY_TOKEN", tokens.get("admin")),
                            "--json", "tokens", "create", "--user", person);
                    tokens.put(person, issued.json().path("token").asText());
                }
                return remote.run(Map.of("ASSAY_SERVER", url, "ASSAY_TOKEN", tokens.get(person)), args);
            };
            List<String> againstServer = story(overHttp);
            assertThat(againstServer).containsExactlyElementsOf(inProcess);
        }
        assertThat(inProcess).anyMatch(line -> line.contains("SEGREGATION_OF_DUTIES"))
                .anyMatch(line -> line.contains("STALE_DIGEST")).anyMatch(line -> line.contains("\"stage\":\"PRODUCTION\""));
    }

    /** The steps, each recorded as exit code, normalised output and error line. */
    private List<String> story(Mode mode) throws Exception {
        Path artifact = Files.writeString(work.resolve("model.json"), "{\"trees\":[]}");
        Path spec = Files.writeString(work.resolve("spec.yaml"), ModelCommandsTest.SPEC);
        List<String> record = new ArrayList<>();
        Step step = (person, args) -> record.add(normalise(mode.as(person, args)));
        step.run("admin", "--json", "users", "add", "dana", "--roles", "DATA_SCIENTIST");
        for (String[] person : new String[][] {{"leo", "LEGAL_REVIEWER"}, {"dora", "DATA_REVIEWER"}, {"cole", "COMPLIANCE_REVIEWER"},
                {"mo", "MLOPS"}, {"aud", "AUDITOR"}}) {
            step.run("admin", "users", "add", person[0], "--roles", person[1]);
        }
        step.run("dana", "--json", "models", "define", "churn", "--description", "Leaves within a quarter", "--intended-use", "Retention",
                "--limitations", "Not for credit", "--risk-tier", "HIGH", "--gates", "metrics");
        step.run("dana", "--json", "models", "register", "churn", "--artifact", artifact.toString(), "--spec", spec.toString());
        step.run("leo", "models", "review", "churn", "1", "--approve", "--comment", "early", "--digest", "0".repeat(64));
        step.run("dana", "--json", "models", "submit", "churn", "1");
        step.run("dana", "models", "evidence", "churn", "1", "--gate", "metrics", "--passed", "--engine", "gate-1");
        step.run("mo", "--json", "models", "evidence", "churn", "1", "--gate", "metrics", "--passed", "--figure", "auc=0.81",
                "--engine", "gate-1");
        step.run("dana", "models", "review", "churn", "1", "--approve", "--comment", "mine", "--digest", "0".repeat(64));
        step.run("leo", "models", "review", "churn", "1", "--approve", "--comment", "stale", "--digest", "0".repeat(64));
        String digest = mode.as("aud", "--json", "models", "show", "churn", "1").json().path("evidence_digest").asText();
        for (String reviewer : new String[] {"leo", "dora", "cole"}) {
            step.run(reviewer, "--json", "models", "review", "churn", "1", "--approve", "--comment", "<script>ok</script>", "--digest", digest);
        }
        step.run("mo", "models", "promote", "churn", "1");
        step.run("mo", "--json", "models", "test", "churn", "1", "--name", "shadow", "--passed", "--detail", "replayed a day");
        step.run("mo", "--json", "models", "promote", "churn", "1");
        step.run("aud", "--json", "models", "routing", "churn");
        step.run("dana", "models", "route", "churn", "--env", "test", "--champion", "1");
        step.run("mo", "--json", "models", "route", "churn", "--env", "production", "--champion", "1", "--canary", "1",
                "--canary-percent", "10");
        step.run("mo", "--json", "models", "route", "churn", "--env", "test", "--champion", "1", "--expect-revision", "0");
        step.run("aud", "--json", "models", "list");
        step.run("aud", "--json", "models", "history", "churn", "1");
        step.run("aud", "--json", "models", "show", "churn", "7");
        step.run("dana", "users", "list");
        step.run("aud", "--json", "audit", "verify");
        Path checkpoint = work.resolve("head-" + System.nanoTime() + ".json");
        step.run("aud", "--json", "audit", "checkpoint", "--out", checkpoint.toString());
        step.run("aud", "--json", "audit", "verify", "--against", checkpoint.toString());
        Path export = work.resolve("audit-" + System.nanoTime() + ".jsonl");
        step.run("aud", "--json", "audit", "export", "--from", "2000-01-01", "--to", "2100-01-01", "--out", export.toString());
        assertThat(Files.readAllLines(export)).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"sequence\":"));
        return record;
    }

    interface Step {
        void run(String person, String... args);
    }

    private static String normalise(CliRunner.Run run) {
        String out = run.out().strip();
        if (out.startsWith("{") || out.startsWith("[")) {
            JsonNode json = run.json();
            strip(json);
            out = json.toString();
        }
        // A refusal is compared by its stable code: a server may refuse at the route, before the service would have.
        String error = run.err().lines().map(ERROR_CODE::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1))
                .findFirst().orElse("");
        return run.exitCode() + " | " + out.replaceAll("[0-9a-f]{64}", "<sha256>") + " | " + error;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            VARYING.forEach(object::remove);
            object.forEach(RemoteModeTest::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(RemoteModeTest::strip);
        }
    }

    private static String[] prepend(String[] first, String[] rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
