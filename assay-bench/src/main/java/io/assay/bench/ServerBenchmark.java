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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private ServerBenchmark() {}

    /** What one wrk run measured. */
    private record Load(double requestsPerSecond, double p99Millis) {
    }

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
                wrk(bareUrl, null, seconds, connections);
                wrk(versionUrl, auditorToken, seconds, connections);
                List<Load> peer = new ArrayList<>();
                List<Load> health = new ArrayList<>();
                List<Load> version = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    peer.add(wrk(bareUrl, null, seconds, connections));
                    health.add(wrk(healthUrl, null, seconds, connections));
                    version.add(wrk(versionUrl, auditorToken, seconds, connections));
                }
                print("peer        bare Javalin handler, the same " + answer.length + "-byte answer", peer);
                print("health      GET /api/v1/health (public; checks the database answers)", health);
                print("version     GET /api/v1/use-cases/bench/versions/1 with a bearer token", version);
                System.out.printf("ratio       the bare handler's rate / the version read's = %.1fx%n",
                        median(peer, Load::requestsPerSecond) / median(version, Load::requestsPerSecond));
            } finally {
                bare.stop();
            }
        } finally {
            DurableFiles.deleteRecursively(home);
        }
    }

    private static void print(String what, List<Load> loads) {
        System.out.printf("%s: %,.0f requests/s median (runs %s), p99 latency %.2f ms median%n", what,
                median(loads, Load::requestsPerSecond), loads.stream().map(l -> String.format("%,.0f", l.requestsPerSecond())).toList(),
                median(loads, Load::p99Millis));
    }

    private static double median(List<Load> loads, java.util.function.ToDoubleFunction<Load> figure) {
        double[] values = loads.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    /** One run of wrk against {@code url}; every answer must be a 2xx, or the run does not count. */
    private static Load wrk(String url, String token, int seconds, int connections) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher errors = ERRORS.matcher(output);
        if (errors.find()) {
            throw new IllegalStateException(url + " answered " + errors.group(1) + " requests with an error:\n" + output);
        }
        Matcher rate = RATE.matcher(output);
        Matcher p99 = P99.matcher(output);
        if (!rate.find() || !p99.find()) {
            throw new IllegalStateException("wrk printed no rate or latency:\n" + output);
        }
        double latency = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> latency / 1000;
            case "s" -> latency * 1000;
            default -> latency;
        };
        return new Load(Double.parseDouble(rate.group(1)), millis);
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
