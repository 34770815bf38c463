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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST API's read path beside a bare Javalin handler, measured in the same run with the same
 * load from wrk, a load generator outside the JVM (a client inside it would measure itself): a
 * version read with its token checked (the token and user, then the use case and version, read
 * from the database) and the public health route, against a bare handler that answers the same
 * JSON bytes with no authentication and no database. Runs alternate, and medians are reported.
 */
final class ServerBenchmark {
    private static final String SPEC = """
            {"spec_format": 1,
             "signature": {"output": "p", "features": [{"name": "x", "type": "NUMERIC"}]},
             "provenance": {"run_id": "bench", "seed": 1},
             "metrics": [{"metric": "auc", "at_least": 0.7}]}""";

    private ServerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = intArgument(args, "--seconds", 5);
        int connections = intArgument(args, "--connections", 16);
        int runs = intArgument(args, "--runs", 5);
        Path home = Files.createTempDirectory("assay-bench-server-");
        System.out.printf("Assay server benchmark — %d cores, Java %s, %s; wrk, 2 threads, %d connections, %d s per run, %d runs%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), LocalDate.now(), connections, seconds,
                runs);
        ServerConfig config = ServerConfig.from(Map.of(), "bench.admin").withPort(0);
        try (ServerApp app = ServerApp.start(config, DatabaseConfig.embedded(home), home, Optional.empty(), Clock.systemUTC(), "bench",
                line -> { })) {
            URI url = URI.create("http://127.0.0.1:" + app.port());
            String auditorToken = seed(url, home);
            byte[] answer = Wire.JSON.writeValueAsBytes(new HttpGovernance(url, auditorToken, "bench").version("bench", 1));
            Javalin bare = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.routes.get("/version", ctx -> ctx.contentType("application/json").result(answer));
            }).start("127.0.0.1", 0);
            try {
                String bareUrl = "http://127.0.0.1:" + bare.port() + "/version";
                String versionUrl = url + "/api/v1/use-cases/bench/versions/1";
                String healthUrl = url + "/api/v1/health";
                // Warm-up: the JIT compiles both paths before anything is measured.
                Wrk.run(bareUrl, null, null, seconds, connections);
                Wrk.run(versionUrl, auditorToken, null, seconds, connections);
                List<Wrk.Load> peer = new ArrayList<>();
                List<Wrk.Load> health = new ArrayList<>();
                List<Wrk.Load> version = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    peer.add(Wrk.run(bareUrl, null, null, seconds, connections));
                    health.add(Wrk.run(healthUrl, null, null, seconds, connections));
                    version.add(Wrk.run(versionUrl, auditorToken, null, seconds, connections));
                }
                Wrk.print("peer        bare Javalin handler, the same " + answer.length + "-byte answer", peer);
                Wrk.print("health      GET /api/v1/health (public; checks the database answers)", health);
                Wrk.print("version     GET /api/v1/use-cases/bench/versions/1 with a bearer token", version);
                System.out.printf("ratio       the bare handler's rate / the version read's = %.1fx%n",
                        Wrk.median(peer, Wrk.Load::requestsPerSecond) / Wrk.median(version, Wrk.Load::requestsPerSecond));
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
        // People make their own tokens (an admin makes only applications'): here on the server's home, as themselves.
        String danaToken;
        String auditorToken;
        try (io.assay.store.Database database = io.assay.store.Database.open(DatabaseConfig.embedded(home))) {
            var tokens = new io.assay.core.access.TokenService(database.registryStore(), Clock.systemUTC());
            danaToken = tokens.create("dana", "dana", "bench", Optional.empty(), "bench").secret();
            auditorToken = tokens.create("aud", "aud", "bench", Optional.empty(), "bench").secret();
        }
        Governance dana = new HttpGovernance(url, danaToken, "bench");
        dana.defineUseCase(new Requests.DefineUseCase("bench", Optional.empty(), "A benchmark model", "LOW", "measuring", "none",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        Path artifact = Files.writeString(home.resolve("model.json"), "{\"trees\": []}");
        var stored = dana.storeArtifact(artifact, "xgboost-json");
        dana.registerVersion("bench", new Requests.RegisterVersion(stored.sha256(), Optional.empty(), Wire.JSON.readTree(SPEC),
                Optional.empty()));
        return auditorToken;
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
