package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code assay server} is killed with SIGKILL twenty times at random moments while seven clients
 * write over REST (evidence, reviews signing the digest their own evidence produced, tokens), and
 * started again each time. Afterwards every write that was answered 2xx is there, the audit chain
 * is intact, every version's revision matches its audited changes, and the registry took writes
 * after every restart with no server error, on the embedded file and on PostgreSQL.
 */
class ServerCrashIT {
    private static final int KILLS = 20;
    private static final int EVIDENCE_VERSIONS = 3;
    private static final int REVIEWED_VERSIONS = 3;

    @TempDir
    Path work;

    @Test
    void killing_the_embedded_server_under_load_loses_no_answered_write() throws Exception {
        survivesKills(Map.of());
    }

    @Test
    void killing_the_server_on_postgresql_under_load_loses_no_answered_write() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.createOrSkip()) {
            survivesKills(Map.of("ASSAY_DB_URL", postgres.url(), "ASSAY_DB_USER", postgres.user()));
        }
    }

    private void survivesKills(Map<String, String> database) throws Exception {
        Path home = work.resolve("home");
        prepare(home, database);
        int port = freePort();
        Map<String, String> serverEnvironment = new HashMap<>(database);
        serverEnvironment.put("ASSAY_USER", "admin");
        String base = "http://127.0.0.1:" + port + "/api/v1";
        Process server = start(home, serverEnvironment, port, base, 0);
        String admin = Files.readString(home.resolve("admin-token")).strip();
        Clients clients = new Clients(base, admin, token(home, database, "mo"), token(home, database, "leo"));
        clients.start();
        Random random = new Random(20261203);
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                int answeredBefore = clients.answered();
                Thread.sleep(300 + random.nextInt(2200));
                awaitMoreAnswers(clients, answeredBefore, kill);
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                server = start(home, serverEnvironment, port, base, kill);
            }
            awaitMoreAnswers(clients, clients.answered(), KILLS + 1);
        } finally {
            clients.stop();
        }
        try {
            assertThat(clients.serverErrors).as("answers with a server error (5xx)").isEmpty();
            assertNothingAnsweredIsLost(base, admin, clients);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Six people, a use case and six submitted versions, made with the CLI on the home before the server runs. */
    private void prepare(Path home, Map<String, String> database) throws IOException {
        CliRunner cli = new CliRunner(home, Clock.systemUTC());
        for (String[] person : List.of(new String[] {"dana", "DATA_SCIENTIST"}, new String[] {"mo", "MLOPS"},
                new String[] {"leo", "LEGAL_REVIEWER"}, new String[] {"crm", "APP"})) {
            ok(cli.run(database, "--as", "admin", "users", "add", person[0], "--roles", person[1]));
        }
        ok(cli.run(database, "--as", "dana", "models", "define", "churn", "--description", "Leaves within a quarter", "--intended-use",
                "Retention", "--limitations", "Not for credit", "--risk-tier", "LOW", "--gates", "metrics", "--approvers", "LEGAL_REVIEWER"));
        Path artifact = Files.writeString(work.resolve("model.json"), "{\"trees\":[]}");
        Path spec = Files.writeString(work.resolve("spec.yaml"), ModelCommandsTest.SPEC);
        for (int version = 1; version <= EVIDENCE_VERSIONS + REVIEWED_VERSIONS; version++) {
            ok(cli.run(database, "--as", "dana", "models", "register", "churn", "--artifact", artifact.toString(), "--spec", spec.toString()));
            ok(cli.run(database, "--as", "dana", "models", "submit", "churn", String.valueOf(version)));
        }
    }

    private void assertNothingAnsweredIsLost(String base, String admin, Clients clients) throws Exception {
        Set<String> tokens = new HashSet<>();
        Http.call(base, admin, "GET", "/tokens", null).body().forEach(token -> tokens.add(token.get("id").asText()));
        assertThat(tokens).as("answered tokens").containsAll(clients.tokens);
        for (int version = 1; version <= EVIDENCE_VERSIONS + REVIEWED_VERSIONS; version++) {
            String path = "/use-cases/churn/versions/" + version;
            JsonNode history = Http.call(base, clients.mo, "GET", path + "/history", null).body();
            Set<String> requestIds = new HashSet<>();
            int changes = 0;
            for (JsonNode event : history) {
                requestIds.add(event.get("request_id").asText());
                changes += event.get("action").asText().endsWith(".refused") ? 0 : 1;
            }
            JsonNode shown = Http.call(base, clients.mo, "GET", path, null).body();
            Set<String> comments = new HashSet<>();
            shown.get("reviews").forEach(review -> comments.add(review.get("comment").asText()));
            assertThat(requestIds).as("answered evidence of v%d", version).containsAll(clients.evidence.getOrDefault(version, List.of()));
            assertThat(comments).as("answered reviews of v%d", version).containsAll(clients.reviews.getOrDefault(version, List.of()));
            // Registration is revision 1 and every committed change adds one, in the transaction of its audit event.
            assertThat(shown.get("revision").asLong()).as("revision of v%d vs its audited changes", version).isEqualTo(changes);
        }
        JsonNode verification = Http.call(base, admin, "POST", "/audit/verifications", Http.JSON.createObjectNode()).body();
        assertThat(verification.get("intact").asBoolean()).as("audit chain after %d kills: %s", KILLS, verification).isTrue();
    }

    private static void awaitMoreAnswers(Clients clients, int before, int epoch) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (clients.answered() <= before) {
            assertThat(Instant.now()).as("a write answered after restart %d", epoch - 1).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private Process start(Path home, Map<String, String> environment, int port, String base, int epoch) throws Exception {
        Path log = work.resolve("server-" + epoch + ".log");
        Process server = Launcher.builder(home, environment, "server", "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("the server stopped after restart " + epoch + ": " + Files.readString(log));
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        server.destroyForcibly();
        throw new AssertionError("the server did not answer after restart " + epoch + ": " + Files.readString(log));
    }

    /** A person's token, made by that person on the server's home (an admin makes only applications' tokens). */
    private static String token(Path home, Map<String, String> database, String user) {
        CliRunner.Run made = new CliRunner(home, Clock.systemUTC()).run(database, "--as", user, "--json", "tokens", "create", "--user", user);
        assertThat(made.exitCode()).as(made.err()).isZero();
        return made.json().get("token").asText();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void ok(CliRunner.Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** Seven writers that keep going through the kills and remember every write that was answered 2xx. */
    private static final class Clients {
        final String base;
        final String admin;
        final String mo;
        final String leo;
        final Map<Integer, List<String>> evidence = new HashMap<>();
        final Map<Integer, List<String>> reviews = new HashMap<>();
        final List<String> tokens = new ArrayList<>();
        final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Clients(String base, String admin, String mo, String leo) {
            this.base = base;
            this.admin = admin;
            this.mo = mo;
            this.leo = leo;
        }

        int answered() {
            return answered.get();
        }

        void start() {
            for (int version = 1; version <= EVIDENCE_VERSIONS; version++) {
                int v = version;
                threads.add(started(() -> loop(n -> attachEvidence(v, n % 2 == 0))));
            }
            for (int version = EVIDENCE_VERSIONS + 1; version <= EVIDENCE_VERSIONS + REVIEWED_VERSIONS; version++) {
                int v = version;
                threads.add(started(() -> loop(n -> attachEvidence(v, true).ifPresent(digest -> approve(v, n, digest)))));
            }
            threads.add(started(() -> loop(this::createToken)));
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }

        private static Thread started(Runnable work) {
            Thread thread = new Thread(work, "crash-test-client");
            thread.start();
            return thread;
        }

        private void loop(java.util.function.IntConsumer step) {
            for (int n = 1; running.get(); n++) {
                step.accept(n);
            }
        }

        /** Answers the digest the new evidence produced, when the write was answered. */
        private java.util.Optional<String> attachEvidence(int version, boolean passed) {
            String requestId = "ev-" + version + "-" + Integer.toHexString(System.identityHashCode(this)) + "-" + System.nanoTime();
            // The metrics gate is judged from its figures: the spec asks for an AUC of at least 0.72.
            ObjectNode body = Http.JSON.createObjectNode().put("gate", "metrics").put("engine", "crash test");
            body.putObject("figures").put("auc", passed ? 0.8 : 0.5);
            return send(mo, "/use-cases/churn/versions/" + version + "/evidence", body, requestId).map(answer -> {
                record(evidence, version, requestId);
                return answer.get("evidence_digest").asText();
            });
        }

        private void approve(int version, int n, String digest) {
            String comment = "approval " + n + " of v" + version;
            ObjectNode body = Http.JSON.createObjectNode().put("decision", "APPROVE").put("comment", comment).put("digest", digest);
            send(leo, "/use-cases/churn/versions/" + version + "/reviews", body, "rv-" + version + "-" + n)
                    .ifPresent(answer -> record(reviews, version, comment));
        }

        private void createToken(int n) {
            ObjectNode body = Http.JSON.createObjectNode().put("user", "crm").put("label", "crash test " + n);
            send(admin, "/tokens", body, "tk-" + n).ifPresent(answer -> {
                synchronized (tokens) {
                    tokens.add(answer.get("id").asText());
                }
                answered.incrementAndGet();
            });
        }

        private void record(Map<Integer, List<String>> writes, int version, String key) {
            synchronized (writes) {
                writes.computeIfAbsent(version, v -> new ArrayList<>()).add(key);
            }
            answered.incrementAndGet();
        }

        /** The answer of a 2xx; empty when the server was down or refused (a refusal other than 5xx is not a write). */
        private java.util.Optional<JsonNode> send(String token, String path, JsonNode body, String requestId) {
            try {
                Http.Answer answer = Http.call(base, token, "POST", path, body, requestId);
                if (answer.status() >= 500) {
                    serverErrors.add(path + " " + answer.status() + " " + answer.body());
                }
                return answer.status() / 100 == 2 ? java.util.Optional.of(answer.body()) : java.util.Optional.empty();
            } catch (IOException down) {
                sleepQuietly();
                return java.util.Optional.empty();
            }
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
