package io.assay.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.access.Actor;
import io.assay.core.access.Role;
import io.assay.core.common.IdSource;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.Environment;
import io.assay.core.registry.Routing;
import io.assay.data.DurableFiles;
import io.assay.scoring.bundle.BundleFiles;
import io.assay.scoring.bundle.BundleProvenance;
import io.assay.scoring.bundle.BundleSignature;
import io.assay.scoring.bundle.ModelBundle;
import io.assay.scoring.bundle.ModelFormat;
import io.assay.scoring.bundle.ReferenceProfile;
import io.assay.server.http.ScoringServer;
import io.assay.serving.DecisionLog;
import io.assay.serving.DecisionSink;
import io.assay.serving.FeatureRow;
import io.assay.serving.MarketingObjections;
import io.assay.serving.ModelRouter;
import io.assay.serving.ScoringService;
import io.assay.serving.ServingSource;
import io.javalin.Javalin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scoring API under wrk (a load generator outside the JVM), one customer by token per request,
 * beside two peers measured in the same run with the same Lua script: a minimal C epoll server
 * answering a fixed response (the floor of what any HTTP server can do here), and a bare Javalin
 * handler answering a constant. Assay's side is the scoring-only process's server and data plane
 * as {@code assay serve} composes them — token check, features from the in-memory serving table,
 * the compiled scorer, reasons, the decision log (group fsync on; and once more without it) — over an XGBoost model of
 * BankModel's kind. Runs alternate, and medians are reported.
 */
final class ServingBenchmark {
    private static final String USE_CASE = "bench";
    private static final int CUSTOMERS = 10_000;
    private static final String TOKEN = "bench-app-token";

    private ServingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = DataBenchmark.intArgument(args, "--seconds", 5);
        int connections = DataBenchmark.intArgument(args, "--connections", 16);
        int runs = DataBenchmark.intArgument(args, "--runs", 3);
        int trees = DataBenchmark.intArgument(args, "--trees", 100);
        String floorBinary = DataBenchmark.stringArgument(args, "--floor", null);
        if (floorBinary == null) {
            throw new IllegalArgumentException("--floor BINARY: the C floor server, built by bench/serving.sh");
        }
        Path work = Files.createTempDirectory("assay-bench-serving-");
        System.out.printf("Assay serving benchmark — %d cores, Java %s, %s; wrk, 2 threads, %d connections, %d s per run, %d runs; "
                        + "model: %d trees of depth %d over %d features%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), LocalDate.now(), connections, seconds, runs, trees, BankModel.DEPTH, BankModel.FEATURES);
        byte[] bundle = bundle(trees);
        Map<String, ObjectNode> customers = customers();
        Path script = Files.writeString(work.resolve("score.lua"), lua(""));
        Path noReasons = Files.writeString(work.resolve("score-no-reasons.lua"), lua(",\"reasons\":0"));
        try (Assay assay = Assay.start(work.resolve("decisions"), bundle, customers, true);
                Assay unlogged = Assay.start(work.resolve("unlogged"), bundle, customers, false)) {
            String answer = new String(sampleAnswer(assay.port()), StandardCharsets.UTF_8);
            int floorPort = freePort();
            Process floor = new ProcessBuilder(floorBinary, String.valueOf(floorPort), String.valueOf(Runtime.getRuntime().availableProcessors()),
                    answer).redirectErrorStream(true).start();
            Javalin bare = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.routes.post("/v1/score/{use_case}", ctx -> ctx.contentType("application/json").result(answer));
            }).start("127.0.0.1", 0);
            try {
                awaitAccepting(floorPort);
                String floorUrl = "http://127.0.0.1:" + floorPort + "/v1/score/" + USE_CASE;
                String bareUrl = "http://127.0.0.1:" + bare.port() + "/v1/score/" + USE_CASE;
                String assayUrl = "http://127.0.0.1:" + assay.port() + "/v1/score/" + USE_CASE;
                String unloggedUrl = "http://127.0.0.1:" + unlogged.port() + "/v1/score/" + USE_CASE;
                // Warm-up: the JIT compiles every path before anything is measured.
                Wrk.run(bareUrl, null, script, seconds, connections);
                Wrk.run(assayUrl, TOKEN, script, seconds, connections);
                Wrk.run(unloggedUrl, TOKEN, script, seconds, connections);
                List<Wrk.Load> c = new ArrayList<>();
                List<Wrk.Load> javalin = new ArrayList<>();
                List<Wrk.Load> reasons = new ArrayList<>();
                List<Wrk.Load> plain = new ArrayList<>();
                List<Wrk.Load> noLog = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    c.add(Wrk.run(floorUrl, null, script, seconds, connections));
                    javalin.add(Wrk.run(bareUrl, null, script, seconds, connections));
                    reasons.add(Wrk.run(assayUrl, TOKEN, script, seconds, connections));
                    plain.add(Wrk.run(assayUrl, TOKEN, noReasons, seconds, connections));
                    noLog.add(Wrk.run(unloggedUrl, TOKEN, script, seconds, connections));
                }
                Wrk.print("C floor     epoll, a fixed " + answer.length() + "-byte answer", c);
                Wrk.print("Javalin     a bare handler, the same answer", javalin);
                Wrk.print("Assay       POST /v1/score/" + USE_CASE + " by customer token, 3 reasons", reasons);
                Wrk.print("Assay       the same, \"reasons\": 0", plain);
                Wrk.print("Assay       3 reasons, no decision log (a sink that keeps nothing)", noLog);
                double floorRate = Wrk.median(c, Wrk.Load::requestsPerSecond);
                double withReasons = Wrk.median(reasons, Wrk.Load::requestsPerSecond);
                double withoutReasons = Wrk.median(plain, Wrk.Load::requestsPerSecond);
                System.out.printf("ratio       Assay with reasons / C floor = %.2fx (goal 0.6x); / bare Javalin = %.2fx%n", withReasons / floorRate,
                        withReasons / Wrk.median(javalin, Wrk.Load::requestsPerSecond));
                System.out.printf("reasons     cost %.1f µs a decision (1/rate with minus 1/rate without, 2 cores)%n",
                        (1 / withReasons - 1 / withoutReasons) * 1e6 * Runtime.getRuntime().availableProcessors());
                double unloggedRate = Wrk.median(noLog, Wrk.Load::requestsPerSecond);
                System.out.printf("log         cost %.1f µs a decision (1/rate with minus 1/rate without, 2 cores)%n",
                        (1 / withReasons - 1 / unloggedRate) * 1e6 * Runtime.getRuntime().availableProcessors());
                System.out.printf("log         %,d decisions appended in %s (group fsync every %d ms)%n", assay.decisions(),
                        work.resolve("decisions"), DecisionLog.DEFAULT_GROUP_SYNC.toMillis());
            } finally {
                bare.stop();
                floor.destroyForcibly().waitFor();
            }
        } finally {
            DurableFiles.deleteRecursively(work);
        }
    }

    /** The scoring-only process's parts, as {@code assay serve} composes them, over the benchmark's model and customers. */
    /** {@code log} is null where decisions go to a sink that keeps nothing. */
    private record Assay(ScoringServer server, ScoringService service, DecisionLog log, Path folder) implements AutoCloseable {
        static Assay start(Path folder, byte[] bundle, Map<String, ObjectNode> customers, boolean logged) {
            String sha = ModelBundle.sha256(bundle);
            Routing routing = new Routing(USE_CASE, Environment.PRODUCTION, Optional.of(1), Optional.empty(), 0, List.of(), 1, "mo",
                    Instant.now(), "champion v1");
            ServingSource source = new ServingSource() {
                @Override
                public List<Planned> plan(Environment environment) {
                    return List.of(new Planned(routing, Map.of(1, sha), false));
                }

                @Override
                public Optional<byte[]> bundle(String sha256) {
                    return Optional.of(bundle).filter(b -> sha256.equals(sha));
                }
            };
            Clock clock = Clock.systemUTC();
            ModelRouter router = new ModelRouter(Environment.PRODUCTION, source, clock);
            router.refresh();
            DecisionLog log = logged ? new DecisionLog(folder, clock) : null;
            DecisionSink sink = logged ? log : decision -> { };
            ScoringService service = new ScoringService(router, (useCase, customer) -> Optional.ofNullable(customers.get(customer)),
                    MarketingObjections.NONE, sink, FeatureRow.RangePolicy.FLAG, clock, IdSource.random());
            Actor application = new Actor("crm", Set.of(Role.APP));
            ScoringServer server = ScoringServer.start("127.0.0.1", 0, 1 << 20, service, presented -> {
                if (!presented.equals(TOKEN)) {
                    throw new AssayException(ErrorCode.UNAUTHENTICATED, "not the benchmark's token");
                }
                return application;
            }, Duration.ofSeconds(5));
            return new Assay(server, service, log, folder);
        }

        int port() {
            return server.port();
        }

        long decisions() throws Exception {
            long lines = 0;
            for (Path file : DecisionLog.files(folder)) {
                try (var read = Files.lines(file)) {
                    lines += read.count();
                }
            }
            return lines;
        }

        @Override
        public void close() {
            server.close();
            service.close();
            if (log != null) {
                log.close();
            }
        }
    }

    /** BankModel's kind of XGBoost model with {@code trees} trees, as a bundle the data plane loads, checks and warms. */
    private static byte[] bundle(int trees) throws Exception {
        byte[] json = BankModel.train(20_000, 11, 2, trees).toByteArray("json");
        List<BundleSignature.Input> inputs = new ArrayList<>();
        for (int f = 0; f < BankModel.FEATURES; f++) {
            inputs.add(new BundleSignature.Input(feature(f), BundleSignature.Type.DOUBLE, true, -10.0, 10.0));
        }
        BundleProvenance provenance = new BundleProvenance("bench-run", "xgboost", "bench-0123456789ab", "a".repeat(64), "b".repeat(64),
                "c".repeat(64), List.of("bench-2026-12-01-0123456789ab"), List.of("2026-12-01"), "default", Map.of(), Map.of(), 11, 1,
                Map.of("assay", "bench"));
        ReferenceProfile reference = new ReferenceProfile("train", 20_000, Map.of(),
                new ReferenceProfile.Bins(new double[] {0.5}, new long[] {10_000, 10_000}, 0, 0.0, 1.0));
        return BundleFiles.write(new ModelBundle(USE_CASE, ModelFormat.XGBOOST_JSON, json, new BundleSignature("probability", inputs),
                provenance, reference, "{\"spec_format\":1,\"metrics\":[{\"metric\":\"auc\",\"at_least\":0.7}]}".getBytes(StandardCharsets.UTF_8)));
    }

    /** The serving table in memory, as the data plane holds it: customer token to feature values, missing as null. */
    private static Map<String, ObjectNode> customers() {
        float[] rows = BankModel.rows(CUSTOMERS, 12);
        Map<String, ObjectNode> customers = new HashMap<>();
        for (int r = 0; r < CUSTOMERS; r++) {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            for (int f = 0; f < BankModel.FEATURES; f++) {
                float value = rows[r * BankModel.FEATURES + f];
                if (Float.isNaN(value)) {
                    row.putNull(feature(f));
                } else {
                    row.put(feature(f), (double) value);
                }
            }
            customers.put("c" + r, row);
        }
        return customers;
    }

    private static String feature(int f) {
        return String.format("f%02d", f);
    }

    /** One real answer of Assay's, so the peers send the same bytes back. */
    private static byte[] sampleAnswer(int port) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/v1/score/" + USE_CASE))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"customer\":\"c1\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Assay did not score the sample: " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitAccepting(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the C floor did not start");
    }

    /** wrk's script: a POST per request, for customers c0 … c9999 in turn, with {@code extra} fields in the body. */
    private static String lua(String extra) {
        return "wrk.method = \"POST\"\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "local n = 0\n"
                + "request = function()\n"
                + "  n = n + 1\n"
                + "  return wrk.format(nil, nil, nil, '{\"customer\":\"c' .. (n % " + CUSTOMERS + ") .. '\"" + extra + "}')\n"
                + "end\n";
    }
}
