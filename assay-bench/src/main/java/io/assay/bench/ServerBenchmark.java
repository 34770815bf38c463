package io.assay.bench;

import io.assay.data.DurableFiles;
import io.assay.server.AdminToken;
import io.assay.server.ServerApp;
import io.assay.server.ServerConfig;
import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.Wire;
import io.assay.api.client.HttpGovernance;
import io.assay.store.DatabaseConfig;
import io.javalin.Javalin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The REST API's read path beside a bare Javalin handler, measured in the same run with the same
 * client load: a version read with its token checked (two database reads for the token and user,
 * two for the use case and version) and the public health route, against a bare handler that
 * answers the same JSON bytes with no authentication and no database.
 */
final class ServerBenchmark {
    private static final String SPEC = """
            {"spec_format": 1,
             "signature": {"output": "p", "features": [{"name": "x", "type": "NUMERIC"}]},
             "provenance": {"run_id": "bench", "seed": 1},
             "metrics": [{"metric": "auc", "at_least": 0.7}]}""";

    private ServerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int requests = intArgument(args, "--requests", 4000);
        int clients = intArgument(args, "--clients", 8);
        int runs = intArgument(args, "--runs", 5);
        Path home = Files.createTempDirectory("assay-bench-server-");
        System.out.printf("Assay server benchmark — %d cores, Java %s, %s; %,d requests per run from %d client threads%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), LocalDate.now(), requests, clients);
        ServerConfig config = ServerConfig.from(Map.of(), "bench.admin").withPort(0);
        try (ServerApp app = ServerApp.start(config, DatabaseConfig.embedded(home), home, Optional.empty(), Clock.systemUTC(), "bench",
                line -> { })) {
            URI url = URI.create("http://127.0.0.1:" + app.port());
            String auditorToken = seed(url, home);
            byte[] versionJson = get(HttpClient.newHttpClient(), url.resolve("/api/v1/use-cases/bench/versions/1"), auditorToken).body();
            Javalin bare = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.routes.get("/version", ctx -> ctx.contentType("application/json").result(versionJson));
            }).start("127.0.0.1", 0);
            try {
                URI bareUrl = URI.create("http://127.0.0.1:" + bare.port() + "/version");
                Timing peer = new Timing();
                Timing health = new Timing();
                Timing version = new Timing();
                load(bareUrl, null, requests, clients);
                load(url.resolve("/api/v1/use-cases/bench/versions/1"), auditorToken, requests, clients);
                for (int i = 0; i < runs; i++) {
                    peer.add(() -> load(bareUrl, null, requests, clients));
                    health.add(() -> load(url.resolve("/api/v1/health"), null, requests, clients));
                    version.add(() -> load(url.resolve("/api/v1/use-cases/bench/versions/1"), auditorToken, requests, clients));
                }
                System.out.printf("peer        bare Javalin handler, same %,d-byte answer: %,.0f requests/s (%s)%n", versionJson.length,
                        requests / peer.median(), peer);
                System.out.printf("health      GET /api/v1/health (public; checks the database answers): %,.0f requests/s (%s)%n",
                        requests / health.median(), health);
                System.out.printf("version     GET /api/v1/use-cases/bench/versions/1 with a bearer token: %,.0f requests/s (%s)%n",
                        requests / version.median(), version);
                System.out.printf("ratio       version read / bare handler = %.1fx the time per request%n", version.median() / peer.median());
            } finally {
                bare.stop();
            }
        } finally {
            DurableFiles.deleteRecursively(home);
        }
    }

    /** A use case with one version, and an auditor's token to read it with. */
    private static String seed(URI url, Path home) throws Exception {
        String adminToken = Files.readString(home.resolve(AdminToken.FILE_NAME)).strip();
        Governance admin = new HttpGovernance(url, adminToken, "bench");
        admin.addUser(new Requests.AddUser("dana", List.of("DATA_SCIENTIST")));
        admin.addUser(new Requests.AddUser("aud", List.of("AUDITOR")));
        String danaToken = admin.createToken(new Requests.CreateToken("dana", Optional.of("bench"), Optional.empty())).token().orElseThrow();
        String auditorToken = admin.createToken(new Requests.CreateToken("aud", Optional.of("bench"), Optional.empty())).token().orElseThrow();
        Governance dana = new HttpGovernance(url, danaToken, "bench");
        dana.defineUseCase(new Requests.DefineUseCase("bench", Optional.empty(), "A benchmark model", "LOW", "measuring", "none",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        Path artifact = Files.writeString(home.resolve("model.json"), "{\"trees\": []}");
        var stored = dana.storeArtifact(artifact, "xgboost-json");
        dana.registerVersion("bench", new Requests.RegisterVersion(stored.sha256(), Optional.empty(), Wire.JSON.readTree(SPEC),
                Optional.empty()));
        return auditorToken;
    }

    /** {@code requests} GETs spread over {@code clients} threads, each with its own keep-alive connection pool. */
    private static void load(URI uri, String token, int requests, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int share = requests / clients;
                done.add(pool.submit(() -> {
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    for (int i = 0; i < share; i++) {
                        HttpResponse<byte[]> response = get(client, uri, token);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(uri + " answered " + response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<byte[]> get(HttpClient client, URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int intArgument(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
