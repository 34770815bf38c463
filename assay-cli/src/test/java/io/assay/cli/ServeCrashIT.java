package io.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.registry.ArtifactRef;
import io.assay.core.registry.ArtifactStore;
import io.assay.core.registry.RiskTier;
import io.assay.serving.Bundles;
import io.assay.store.Database;
import io.assay.store.DatabaseConfig;
import io.assay.store.FileArtifactStore;
import io.assay.testing.RegistryFixtures;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code assay serve}, the scoring-only process, as an operator's machine treats it: killed with
 * SIGKILL at random moments while four applications score, and stopped with SIGTERM under the
 * same load. Every decision that was answered 200 is in the decision log afterwards, and no
 * answer was a server error other than the 503 a draining server gives a request it will not take.
 */
class ServeCrashIT {
    private static final int KILLS = 5;
    private static final String USE_CASE = "overdraft-40d";
    private static final String BODY = "{\"features\":{\"balance_now\":-400.0,\"is_student\":false}}";

    @TempDir
    Path home;
    @TempDir
    Path work;
    private String appToken;

    @BeforeEach
    void aModelInProduction() throws IOException {
        CliRunner cli = new CliRunner(home, Clock.systemUTC());
        for (String[] person : List.<String[]>of(new String[] {"crm", "APP"})) {
            ok(cli.run("--as", "admin", "users", "add", person[0], "--roles", person[1]));
        }
        // A model in production, seeded on the home as training and the lifecycle leave it: its bundle stored, v1 routed.
        try (Database database = Database.open(DatabaseConfig.embedded(home))) {
            ArtifactRef bundle;
            try (ArtifactStore.Upload upload = new FileArtifactStore(home.resolve("artifacts")).upload()) {
                byte[] bytes = Bundles.overdraft(-0.9);
                upload.write(bytes, 0, bytes.length);
                bundle = upload.commit("assay-bundle");
            }
            RegistryFixtures.seed(database.registryStore(), RegistryFixtures.useCase(USE_CASE, RiskTier.LOW, List.of("metrics")));
            RegistryFixtures.routedInProduction(database.registryStore(), USE_CASE, bundle);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        CliRunner.Run token = cli.run("--as", "admin", "--json", "tokens", "create", "--user", "crm");
        ok(token);
        appToken = token.json().get("token").asText();
    }

    @Test
    void killing_the_scoring_process_under_load_loses_no_answered_decision() throws Exception {
        int port = freePort();
        Process serve = start(port, 0);
        Scorers scorers = new Scorers(port, appToken);
        scorers.start();
        Random random = new Random(20261204);
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                int before = scorers.answered.size();
                Thread.sleep(300 + random.nextInt(1500));
                awaitMoreAnswers(scorers, before, kill);
                serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                serve = start(port, kill);
            }
            awaitMoreAnswers(scorers, scorers.answered.size(), KILLS + 1);
        } finally {
            scorers.stop();
            serve.destroy();
            serve.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(scorers.serverErrors).as("server errors").isEmpty();
        assertThat(logged()).as("answered decisions in the log after %d kills", KILLS).containsAll(scorers.answered);
    }

    @Test
    void sigterm_drains_the_requests_in_flight_and_loses_no_answered_decision() throws Exception {
        int port = freePort();
        Process serve = start(port, 0);
        Scorers scorers = new Scorers(port, appToken);
        scorers.start();
        try {
            awaitMoreAnswers(scorers, 200, 1);
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stopped within the drain time").isTrue();
        } finally {
            scorers.stop();
        }
        assertThat(scorers.serverErrors).as("server errors other than a draining 503").allMatch(error -> error.startsWith("503"));
        assertThat(logged()).as("answered decisions in the log after SIGTERM").containsAll(scorers.answered);
        assertThat(Files.readString(work.resolve("serve-0.log"))).doesNotContain("Exception");
    }

    private Set<String> logged() throws IOException {
        Set<String> ids = new HashSet<>();
        try (var files = Files.list(home.resolve("decisions").resolve("production"))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    // A line cut by the kill (written, not yet whole) was never answered; every answered one is whole.
                    if (line.endsWith("}")) {
                        JsonNode decision = Output.JSON.readTree(line);
                        ids.add(decision.get("decision_id").asText());
                    }
                }
            }
        }
        return ids;
    }

    private static void awaitMoreAnswers(Scorers scorers, int before, int epoch) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (scorers.answered.size() <= before) {
            assertThat(Instant.now()).as("a decision answered after start %d", epoch - 1).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private Process start(int port, int epoch) throws Exception {
        Path log = work.resolve("serve-" + epoch + ".log");
        Process serve = Launcher.builder(home, Map.of(), "serve", "--env", "production", "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!serve.isAlive()) {
                throw new AssertionError("assay serve stopped after start " + epoch + ": " + Files.readString(log));
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return serve;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        serve.destroyForcibly();
        throw new AssertionError("assay serve did not get ready after start " + epoch + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void ok(CliRunner.Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** Four applications scoring without pause; they remember every decision answered 200, and every 5xx. */
    private static final class Scorers {
        final ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final URI uri;
        private final String token;

        Scorers(int port, String token) {
            this.uri = URI.create("http://127.0.0.1:" + port + "/v1/score/overdraft-40d");
            this.token = token;
        }

        void start() {
            for (int i = 0; i < 4; i++) {
                Thread thread = new Thread(this::score, "scorer-" + i);
                thread.start();
                threads.add(thread);
            }
        }

        private void score() {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            while (running.get()) {
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        answered.add(Output.JSON.readTree(response.body()).get("decisionId").asText());
                    } else if (response.statusCode() >= 500) {
                        serverErrors.add(response.statusCode() + " " + response.body());
                    }
                } catch (IOException down) {
                    // killed or restarting: not answered, so nothing to find in the log
                    pause();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(15_000);
            }
        }
    }
}
