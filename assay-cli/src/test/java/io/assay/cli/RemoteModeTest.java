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
import java.time.Instant;
import java.time.ZoneOffset;
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
            "events_checked", "id", "token", "created_by", "events", "file", "checkpoint_sequence", "location", "published_at",
            "granted_at", "read_at", "elapsed_ms", "at", "read_id", "built_at");

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
        List<String> inProcess = bothWays(this::story, Clock.systemUTC());
        assertThat(inProcess).anyMatch(line -> line.contains("SEGREGATION_OF_DUTIES"))
                .anyMatch(line -> line.contains("STALE_DIGEST")).anyMatch(line -> line.contains("\"stage\":\"PRODUCTION\""))
                .anyMatch(line -> line.contains("admin may not read the registry"));
    }

    @Test
    void the_data_environment_answers_the_same_in_process_and_against_a_server() throws Exception {
        List<String> inProcess = bothWays(this::dataStory, Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC));
        assertThat(inProcess).anyMatch(line -> line.contains("\"outcome\":\"PUBLISHED\""))
                .anyMatch(line -> line.contains("\"outcome\":\"ALREADY_INGESTED\""))
                .anyMatch(line -> line.contains("ACCESS_DENIED: user dana has no live grant for table(s) transactions"))
                .anyMatch(line -> line.contains("dana may not grant and revoke data access"))
                .anyMatch(line -> line.contains("\"rule\":\"LEAKED_IDENTIFIER\""));
    }

    @Test
    void features_labels_and_training_sets_answer_the_same_in_process_and_against_a_server() throws Exception {
        Path extract = work.resolve("bank");
        new io.assay.banksim.BankSimulator().run(io.assay.banksim.SimulationConfig.defaults().withCustomers(100).withDays(46)
                .withStartDate(java.time.LocalDate.of(2026, 9, 1)).withShiftDay(0), extract, (day, index, total, rows) -> { });
        List<String> inProcess = bothWays(mode -> featureStory(mode, extract), Clock.fixed(Instant.parse("2026-10-21T08:00:00Z"),
                ZoneOffset.UTC));
        assertThat(inProcess).anyMatch(line -> line.contains("\"published\":true"))
                .anyMatch(line -> line.contains("\"published\":false"))
                .anyMatch(line -> line.contains("NOT_MATURE"))
                .anyMatch(line -> line.contains("\"split\":\"test\""))
                .anyMatch(line -> line.contains("no feature view 'nope'"));
    }

    /** Features over a simulated bank: the views, a build twice, labels, a training set, refusals, the serving tables. */
    private List<String> featureStory(Mode mode, Path extract) {
        List<String> record = new ArrayList<>();
        Step step = (person, args) -> record.add(normalise(mode.as(person, args)));
        for (String[] person : new String[][] {{"sam", "DATA_STEWARD"}, {"dana", "DATA_SCIENTIST"}, {"aud", "AUDITOR"}}) {
            step.run("admin", "users", "add", person[0], "--roles", person[1]);
        }
        mode.as("sam", "data", "ingest-days", extract.toString());
        step.run("dana", "--json", "features", "list");
        step.run("dana", "--json", "features", "show", "cashflow");
        step.run("dana", "--json", "features", "build", "--view", "balances", "--as-of", "2026-10-10");
        step.run("sam", "--json", "data", "grant", "--user", "dana", "--purpose", "overdraft model", "--tables",
                "customers,accounts,transactions,products,digital_events", "--expires", "2026-11-30");
        step.run("dana", "--json", "features", "build", "--view", "balances", "--as-of", "2026-10-10");
        step.run("dana", "--json", "features", "build", "--view", "balances", "--as-of", "2026-10-10");
        step.run("dana", "--json", "features", "build", "--view", "nope", "--as-of", "2026-10-10");
        step.run("dana", "--json", "features", "build", "--view", "balances", "--as-of", "2026-10-21");
        step.run("aud", "--json", "features", "builds");
        step.run("aud", "--json", "features", "labels");
        step.run("dana", "--json", "trainset", "build", "--use-case", "overdraft-40d", "--as-of", "2026-09-03,2026-09-04,2026-09-06");
        step.run("dana", "--json", "trainset", "build", "--use-case", "churn", "--as-of", "2026-09-03,2026-09-04,2026-09-06");
        step.run("aud", "--json", "trainset", "build", "--use-case", "overdraft-40d", "--as-of", "2026-09-03,2026-09-04,2026-09-06");
        step.run("aud", "--json", "trainset", "list");
        String set = mode.as("aud", "--json", "trainset", "list").json().path("trainsets").get(0).path("id").asText();
        step.run("aud", "--json", "trainset", "show", set);
        step.run("dana", "--json", "features", "materialize", "--as-of", "2026-10-16", "--use-case", "churn");
        step.run("aud", "--json", "audit", "verify");
        return record;
    }

    interface Story {
        List<String> tell(Mode mode) throws Exception;
    }

    /** Tells the story on a local home and against a server on another home; every step must answer alike. */
    private List<String> bothWays(Story story, Clock clock) throws Exception {
        CliRunner local = new CliRunner(localHome, clock);
        List<String> inProcess = story.tell((person, args) -> local.run(prepend(new String[] {"--as", person}, args)));

        ServerConfig config = ServerConfig.from(Map.of(), "admin").withPort(0);
        try (ServerApp server = ServerApp.start(config, DatabaseConfig.embedded(serverHome), serverHome, Optional.of(CliRunner.KEY), clock,
                "test", line -> { })) {
            CliRunner remote = new CliRunner(work, clock);
            Map<String, String> tokens = new HashMap<>();
            tokens.put("admin", Files.readString(serverHome.resolve(AdminToken.FILE_NAME)).strip());
            String url = "http://127.0.0.1:" + server.port();
            Mode overHttp = (person, args) -> {
                if (!tokens.containsKey(person)) {
                    // A person makes their own token: on the server's home, as themselves.
                    CliRunner.Run issued = new CliRunner(serverHome, clock).run("--as", person, "--json", "tokens", "create", "--user", person);
                    tokens.put(person, issued.json().path("token").asText());
                }
                return remote.run(Map.of("ASSAY_SERVER", url, "ASSAY_TOKEN", tokens.get(person)), args);
            };
            List<String> againstServer = story.tell(overHttp);
            assertThat(againstServer).containsExactlyElementsOf(inProcess);
        }
        return inProcess;
    }

    /** A day of the data environment: ingest, the catalog, refusals, a grant, queries, the read log, bad input. */
    private List<String> dataStory(Mode mode) throws Exception {
        Path day = Files.createDirectories(work.resolve("extract").resolve("2026-11-27"));
        StringBuilder csv = new StringBuilder(DataCommandsTest.HEADER).append('\n');
        for (int i = 1; i <= 20; i++) {
            csv.append(String.format("T%012d,A%09d,C%08d,2026-11-27,-%d.25,EUR,GROCERIES,CARD,,Jumbo %d%n", i, i, i % 5, i, i));
        }
        csv.append("T000000000099,A000000001,C00000001,2026-11-27,-1.00,EUR,GROCERIES,CARD,,mail jan@example.nl\n");
        Path batch = Files.writeString(day.resolve("transactions.csv"), csv);
        List<String> record = new ArrayList<>();
        Step step = (person, args) -> record.add(normalise(mode.as(person, args)));
        for (String[] person : new String[][] {{"sam", "DATA_STEWARD"}, {"dana", "DATA_SCIENTIST"}, {"aud", "AUDITOR"}}) {
            step.run("admin", "users", "add", person[0], "--roles", person[1]);
        }
        step.run("dana", "data", "ingest", batch.toString(), "--table", "transactions", "--date", "2026-11-27");
        step.run("sam", "--json", "data", "ingest", batch.toString(), "--table", "transactions", "--date", "2026-11-27");
        step.run("sam", "--json", "data", "ingest-day", day.toString(), "--date", "2026-11-27");
        step.run("sam", "--json", "data", "ingest", batch.toString(), "--table", "loans", "--date", "2026-11-27");
        step.run("sam", "--json", "data", "ingest", batch.toString(), "--table", "transactions", "--date", "2026-12-01");
        step.run("aud", "--json", "data", "snapshots");
        String snapshot = mode.as("aud", "--json", "data", "snapshots").json().path("snapshots").get(0).path("id").asText();
        step.run("dana", "--json", "data", "show", snapshot);
        step.run("aud", "--json", "data", "quarantine", snapshot);
        step.run("admin", "--json", "data", "show", snapshot);
        step.run("dana", "--json", "data", "contracts", "transactions");
        step.run("dana", "--json", "data", "query", "SELECT count(*) AS n FROM transactions");
        step.run("dana", "--json", "data", "grant", "--user", "dana", "--purpose", "mine", "--tables", "transactions",
                "--expires", "2026-12-31");
        step.run("sam", "--json", "data", "grant", "--user", "ghost", "--purpose", "churn", "--tables", "transactions",
                "--expires", "2026-12-31");
        step.run("sam", "--json", "data", "grant", "--user", "dana", "--purpose", "churn", "--tables", "transactions",
                "--expires", "2026-12-31");
        step.run("dana", "--json", "data", "query", "SELECT count(*) AS n FROM transactions");
        step.run("dana", "--json", "data", "query", "DROP TABLE transactions");
        step.run("dana", "--json", "data", "query", "SELECT * FROM read_csv('/etc/passwd')");
        step.run("dana", "--json", "data", "grants", "--user", "dana");
        step.run("dana", "--json", "data", "reads");
        step.run("aud", "--json", "data", "reads", "--user", "dana");
        String grant = mode.as("aud", "--json", "data", "grants").json().path("grants").get(0).path("id").asText();
        step.run("dana", "--json", "data", "revoke", grant);
        step.run("sam", "--json", "data", "revoke", grant);
        step.run("sam", "--json", "data", "revoke", grant);
        step.run("dana", "--json", "data", "query", "SELECT 1 FROM transactions");
        step.run("aud", "--json", "audit", "verify");
        return record;
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
        step.run("mo", "models", "evidence", "churn", "1", "--gate", "metrics", "--passed", "--figure", "auc=0.61", "--engine", "gate-1");
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
        step.run("admin", "models", "list");
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
        // A refusal is compared whole, code and words: the core refuses behind the route as it does in-process.
        String error = run.err().lines().filter(line -> ERROR_CODE.matcher(line).find()).findFirst().orElse("")
                .replaceAll("(grant|read|req|cli)-[0-9a-f]{16}", "$1-<id>").replaceAll("[0-9a-f]{64}", "<sha256>");
        return run.exitCode() + " | " + out.replaceAll("[0-9a-f]{64}", "<sha256>").replaceAll("(grant|read)-[0-9a-f]{16}", "$1-<id>")
                + " | " + error;
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
