package io.assay.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.core.access.Role;
import io.assay.core.access.TokenService;
import io.assay.core.registry.ArtifactRef;
import io.assay.core.registry.ArtifactStore;
import io.assay.core.registry.Environment;
import io.assay.core.registry.RiskTier;
import io.assay.server.scoring.ScoringPlane;
import io.assay.serving.Bundles;
import io.assay.serving.DecisionLog;
import io.assay.store.Database;
import io.assay.store.DatabaseConfig;
import io.assay.store.FileArtifactStore;
import io.assay.testing.RegistryFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business scoring API against a real server serving a real bundle in production, hit with a
 * corpus of the bad requests business applications send: broken and truncated JSON, wrong content
 * types, NaN and Infinity in every spelling, features missing, extra, renamed or mistyped (alone
 * and two at once), hostile customers and reason counts, unknown use cases, and every kind of
 * wrong token. Every answer must be a 4xx problem in strict JSON with no non-finite number in it,
 * a refusal of features must name each bad field, and no refused request may leave a decision.
 * The same corpus runs against the data plane beside the control plane (Javalin) and against the
 * scoring-only process's own server: a business application cannot tell them apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScoringCorpus {
    private static final String USE_CASE = "overdraft-40d";
    private static final String PATH = "/v1/score/" + USE_CASE;
    private static final String INFER_MODEL = "/v2/models/" + USE_CASE;
    private static final String VALID = "{\"features\":{\"balance_now\":-400.0,\"is_student\":false}}";
    /** Strict JSON: a bare NaN or Infinity in an answer fails to parse here. */
    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    Path home;

    TestServer server;
    /** The data plane under test: beside the control plane, or the scoring-only process. */
    Http scoring;
    int scoringPort;
    private String app;
    private String revoked;

    @BeforeAll
    void serve(@TempDir Path folder) throws Exception {
        home = folder;
        server = TestServer.start(home).withOnePersonPerRole();
        app = server.tokenOf.get(Role.APP);
        try (Database database = Database.open(DatabaseConfig.embedded(home))) {
            TokenService tokens = new TokenService(database.registryStore(), Clock.systemUTC());
            TokenService.Issued issued = tokens.create("app", "app", "revoked", Optional.empty(), "test");
            tokens.revoke("app", issued.token().id(), "test");
            revoked = issued.secret();
            ArtifactRef bundle = store(new FileArtifactStore(home.resolve("artifacts")), Bundles.overdraft(-0.9));
            RegistryFixtures.seed(database.registryStore(), RegistryFixtures.useCase(USE_CASE, RiskTier.HIGH, List.of("metrics")));
            RegistryFixtures.routedInProduction(database.registryStore(), USE_CASE, bundle);
        }
        scoringPort = startDataPlane();
        scoring = new Http(scoringPort);
        long deadline = System.nanoTime() + 2 * ScoringPlane.REFRESH.toNanos() + 10_000_000_000L;
        while (scoring.post(PATH, app, VALID).status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Starts the data plane under test on the seeded home (the control plane already runs on it) and gives its port. */
    abstract int startDataPlane();

    abstract void stopDataPlane();

    @AfterAll
    void stop() {
        stopDataPlane();
        if (server != null) {
            server.close();
        }
    }

    /** Stands for the business application's token in an attempt, which is made before the token is known. */
    private static final String APP_TOKEN = "<the application's token>";

    record Attempt(String what, String path, String token, String contentType, byte[] body, List<String> named) {
        Attempt(String what, String body, List<String> named) {
            this(what, PATH, APP_TOKEN, "application/json", body.getBytes(StandardCharsets.UTF_8), named);
        }
    }

    @Test
    void a_valid_request_is_scored_by_the_routed_version() {
        Http.Response answer = scoring.post(PATH, app, VALID);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("modelVersion").asInt()).isEqualTo(1);
        assertThat(answer.json().path("score").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void probes_and_inference_clients_see_health_and_readiness_without_a_token() {
        Http.Response live = scoring.get("/v2/health/live", null);
        Http.Response ready = scoring.get("/v2/health/ready", null);
        Http.Response model = scoring.get("/v2/models/" + USE_CASE + "/ready", null);
        Http.Response unknown = scoring.get("/v2/models/unknown-use-case/ready", null);

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().path("live").asBoolean()).isTrue();
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().path("champions").path(USE_CASE).asInt()).isEqualTo(1);
        assertThat(model.json().path("ready").asBoolean()).isTrue();
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void prometheus_reads_answers_refusals_and_latency_by_use_case_and_version_without_a_token() {
        scoring.post(PATH, app, VALID);
        scoring.post(PATH, app, features("\"NaN\"", "false"));
        scoring.post("/v1/score/invented-" + System.nanoTime(), app, VALID);

        Http.Response metrics = scoring.get("/v1/metrics", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).containsPattern("assay_score_answers_total\\{[^}]*model_version=\"1\"[^}]*outcome=\"scored\"[^}]*"
                        + "use_case=\"overdraft-40d\"} [1-9]")
                .containsPattern("assay_score_refusals_total\\{code=\"INVALID_ARGUMENT\",use_case=\"overdraft-40d\"} [1-9]")
                .containsPattern("assay_score_refusals_total\\{code=\"NOT_FOUND\",use_case=\"unrouted\"} [1-9]")
                .contains("assay_score_duration_seconds_bucket{use_case=\"overdraft-40d\",le=\"0.001\"}")
                .doesNotContain("invented-");
    }

    /** The Open Inference Protocol's model metadata: what a standard client reads before it sends tensors. */
    @Test
    void an_inference_client_reads_the_models_inputs_and_outputs_with_an_application_token() {
        Http.Response metadata = scoring.get(INFER_MODEL, app);
        Http.Response anonymous = scoring.get(INFER_MODEL, null);

        assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
        assertThat(metadata.json().path("name").asText()).isEqualTo(USE_CASE);
        assertThat(metadata.json().path("versions")).extracting(JsonNode::asText).containsExactly("1");
        assertThat(metadata.json().path("inputs")).extracting(input -> input.path("name").asText() + ":" + input.path("datatype").asText())
                .containsExactly("balance_now:FP32", "is_student:BOOL");
        assertThat(metadata.json().path("outputs")).extracting(output -> output.path("name").asText()).contains("score", "model_version",
                "decision_id", "suppressed");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    /** The protocol's own example request (its specification's input0/input1 tensors): refused with the protocol's error field. */
    @Test
    void the_protocols_example_request_is_refused_with_the_protocols_error_field_naming_what_does_not_fit() {
        Http.Response answer = scoring.post(INFER_MODEL + "/infer", app, """
                {"id" : "42", "inputs" : [
                  {"name" : "input0", "shape" : [ 2, 2 ], "datatype" : "UINT32", "data" : [ 1, 2, 3, 4 ]},
                  {"name" : "input1", "shape" : [ 3 ], "datatype" : "BOOL", "data" : [ true ]}],
                 "outputs" : [ {"name" : "output0"} ]}""");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).contains("output0");
        assertThat(answer.json().path("code").asText()).isEqualTo("INVALID_ARGUMENT");
    }

    /** The protocol's example shape with this model's inputs: one tensor per feature, each row a logged decision. */
    @Test
    void rows_sent_as_one_tensor_per_feature_are_scored_as_the_business_api_scores_them() throws IOException {
        long before = decisionLines();
        Http.Response answer = scoring.post(INFER_MODEL + "/infer", app, """
                {"id" : "42", "inputs" : [
                  {"name" : "balance_now", "shape" : [ 2 ], "datatype" : "FP32", "data" : [ -400.0, 1200.0 ]},
                  {"name" : "is_student", "shape" : [ 2 ], "datatype" : "BOOL", "data" : [ false, true ]}]}""");
        Http.Response single = scoring.post(PATH, app, VALID);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("id").asText()).isEqualTo("42");
        assertThat(body.path("model_name").asText()).isEqualTo(USE_CASE);
        assertThat(body.path("model_version").asText()).isEqualTo("1");
        JsonNode score = output(body, "score");
        assertThat(score.path("datatype").asText()).isEqualTo("FP64");
        assertThat(score.path("shape")).extracting(JsonNode::asInt).containsExactly(2);
        assertThat(score.path("data").get(0).asDouble()).isEqualTo(single.json().path("score").asDouble());
        assertThat(output(body, "decision_id").path("data")).hasSize(2);
        assertThat(output(body, "model_version").path("data")).extracting(JsonNode::asInt).containsExactly(1, 1);
        assertThat(decisionLines()).as("two rows and one single call, each a decision").isEqualTo(before + 3);
    }

    @Test
    void rows_sent_as_one_matrix_in_the_metadatas_order_are_scored_with_the_reasons_asked_for() {
        Http.Response answer = scoring.post(INFER_MODEL + "/infer", app, """
                {"parameters" : {"reasons" : 2}, "inputs" : [
                  {"name" : "input-0", "shape" : [ 3, 2 ], "datatype" : "FP64", "data" : [ [ -400.0, 0 ], [ 1200.0, 1 ], [ null, 0 ] ]}],
                 "outputs" : [ {"name" : "score"}, {"name" : "reasons"} ]}""");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("outputs")).extracting(output -> output.path("name").asText()).containsExactly("score", "reasons");
        assertThat(output(answer.json(), "score").path("data")).hasSize(3).allSatisfy(value -> assertThat(value.asDouble()).isBetween(0.0, 1.0));
        JsonNode reasons = output(answer.json(), "reasons").path("data");
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0).asText()).contains("balance_now");
    }

    @Test
    void a_refused_row_refuses_the_whole_call_names_the_row_and_leaves_no_decision() throws IOException {
        long before = decisionLines();
        Http.Response answer = scoring.post(INFER_MODEL + "/infer", app, """
                {"inputs" : [
                  {"name" : "balance_now", "shape" : [ 2 ], "datatype" : "FP32", "data" : [ -400.0, null ]},
                  {"name" : "is_student", "shape" : [ 2 ], "datatype" : "FP32", "data" : [ 0, 0.5 ]}]}""");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).contains("row 1").contains("is_student");
        assertThat(decisionLines()).isEqualTo(before);
    }

    private static JsonNode output(JsonNode answer, String name) {
        for (JsonNode output : answer.path("outputs")) {
            if (output.path("name").asText().equals(name)) {
                return output;
            }
        }
        throw new AssertionError("no output " + name + " in " + answer);
    }

    /** The business contract: every answer has exactly these fields, the OpenAPI document says so, whatever version answers. */
    @Test
    void an_answer_has_the_shape_the_openapi_document_pins() {
        List<String> contract = List.of("decisionId", "useCase", "modelVersion", "score", "reasons", "outOfRange", "servedAt", "suppressed");
        JsonNode answer = scoring.post(PATH, app, VALID).json();
        JsonNode schema = server.http.get("/api/v1/openapi.json", app).json().path("components").path("schemas").path("ScoreAnswer");

        assertThat(fieldNames(answer)).containsExactlyInAnyOrderElementsOf(contract);
        assertThat(fieldNames(schema.path("properties"))).containsExactlyInAnyOrderElementsOf(contract);
        assertThat(fieldNames(answer.path("reasons").get(0))).containsExactlyInAnyOrder("code", "feature", "direction", "text");
        assertThat(answer.path("suppressed").asBoolean()).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void a_value_beyond_the_training_range_is_scored_and_flagged_never_refused_silently() {
        Http.Response answer = scoring.post(PATH, app, "{\"features\":{\"balance_now\":-900000.0,\"is_student\":true}}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("outOfRange")).extracting(JsonNode::asText).containsExactly("balance_now");
    }

    @Test
    void null_is_a_missing_value_for_a_nullable_feature_only() {
        Http.Response nullable = scoring.post(PATH, app, "{\"features\":{\"balance_now\":null,\"is_student\":false}}");
        Http.Response required = scoring.post(PATH, app, "{\"features\":{\"balance_now\":-400.0,\"is_student\":null}}");

        assertThat(nullable.status()).as(nullable.body()).isEqualTo(200);
        assertThat(required.status()).isEqualTo(400);
        assertThat(required.json().path("detail").asText()).contains("is_student");
    }

    @Test
    void at_least_a_thousand_malformed_requests_get_a_4xx_in_strict_json_and_leave_no_decision() throws Exception {
        long decisionsBefore = decisionLines();
        List<Attempt> corpus = corpus();
        List<String> failures = new ArrayList<>();
        for (Attempt attempt : corpus) {
            // The server closes a connection whose body it refused unread; such a request goes on a connection of its own.
            Http http = attempt.body().length > ServerConfig.DEFAULT_MAX_BODY_BYTES ? new Http(scoringPort) : scoring;
            Http.Response answer = http.send("POST", attempt.path(), APP_TOKEN.equals(attempt.token()) ? app : attempt.token(),
                    HttpRequest.BodyPublishers.ofByteArray(attempt.body()), attempt.contentType());
            String problem = problemOf(answer);
            if (answer.status() < 400 || answer.status() >= 500 || problem == null) {
                failures.add(attempt.what() + ": " + answer.status() + " " + abbreviated(answer.body()));
                continue;
            }
            for (String field : attempt.named()) {
                if (!problem.contains(field)) {
                    failures.add(attempt.what() + ": the refusal does not name " + field + ": " + problem);
                }
            }
        }
        assertThat(failures).as("answers that were not a clear 4xx").isEmpty();
        assertThat(corpus.size()).as("malformed requests sent").isGreaterThanOrEqualTo(1_000);
        assertThat(decisionLines()).as("decisions logged for refused requests").isEqualTo(decisionsBefore);
    }

    /** The problem's detail, or null when the answer is not a problem in strict JSON with only finite numbers. */
    private static String problemOf(Http.Response answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return null;
        }
        try {
            JsonNode problem = STRICT.readTree(answer.body());
            if (!allFinite(problem) || problem.path("detail").asText().isEmpty()) {
                return null;
            }
            return problem.path("detail").asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean allFinite(JsonNode node) {
        if (node.isNumber()) {
            return Double.isFinite(node.asDouble());
        }
        for (JsonNode child : node) {
            if (!allFinite(child)) {
                return false;
            }
        }
        return true;
    }

    /** Values the JSON parser itself refuses, before any feature is looked at: the refusal names the body, not the fields. */
    private static final java.util.Set<String> UNPARSEABLE = java.util.Set.of("NaN", "Infinity", "-Infinity", "1e309", "-1e309",
            "a thousand digits", "nested 1,000 deep");

    private static List<String> named(String balanceFault, String studentFault) {
        if (balanceFault != null && UNPARSEABLE.contains(balanceFault) || studentFault != null && UNPARSEABLE.contains(studentFault)) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        if (balanceFault != null) {
            named.add("balance_now");
        }
        if (studentFault != null) {
            named.add("is_student");
        }
        return named;
    }

    private List<Attempt> corpus() {
        List<Attempt> attempts = new ArrayList<>();
        Map<String, String> balanceFaults = faults(true);
        Map<String, String> studentFaults = faults(false);
        studentFaults.put("null (not nullable)", "null");
        // One feature wrong, then both at once: the refusal names each of them.
        for (Map.Entry<String, String> fault : balanceFaults.entrySet()) {
            attempts.add(new Attempt("balance_now as " + fault.getKey(), features(fault.getValue(), "false"), named(fault.getKey(), null)));
        }
        for (Map.Entry<String, String> fault : studentFaults.entrySet()) {
            attempts.add(new Attempt("is_student as " + fault.getKey(), features("-400.0", fault.getValue()), named(null, fault.getKey())));
        }
        // With a customer beside the features (it picks the canary side only), the same refusals.
        for (String envelope : List.of("", "\"customer\":\"tok-1\",")) {
            for (Map.Entry<String, String> balance : balanceFaults.entrySet()) {
                for (Map.Entry<String, String> student : studentFaults.entrySet()) {
                    attempts.add(new Attempt("balance_now as " + balance.getKey() + " and is_student as " + student.getKey()
                            + (envelope.isEmpty() ? "" : " for a customer"),
                            "{" + envelope + features(balance.getValue(), student.getValue()).substring(1),
                            named(balance.getKey(), student.getKey())));
                }
            }
        }
        for (int reasons : new int[] {0, 3, -1}) {
            for (Map.Entry<String, String> balance : balanceFaults.entrySet()) {
                attempts.add(new Attempt("balance_now as " + balance.getKey() + " asking for " + reasons + " reasons",
                        "{\"reasons\":" + reasons + "," + features(balance.getValue(), "true").substring(1),
                        named(balance.getKey(), null)));
            }
            for (Map.Entry<String, String> student : studentFaults.entrySet()) {
                attempts.add(new Attempt("is_student as " + student.getKey() + " asking for " + reasons + " reasons",
                        "{\"reasons\":" + reasons + "," + features("-400.0", student.getValue()).substring(1),
                        named(null, student.getKey())));
            }
        }
        // Missing, extra, renamed and mistyped names.
        attempts.add(new Attempt("balance_now missing", "{\"features\":{\"is_student\":false}}", List.of("balance_now")));
        attempts.add(new Attempt("is_student missing", "{\"features\":{\"balance_now\":1.0}}", List.of("is_student")));
        attempts.add(new Attempt("no features", "{\"features\":{}}", List.of("balance_now", "is_student")));
        for (String name : List.of("balanceNow", "Balance_now", "balance_now ", "balance-now", "balance_now\u200b", "BALANCE_NOW", "balance")) {
            attempts.add(new Attempt("balance_now renamed " + name, "{\"features\":{" + quoted(name) + ":-400.0,\"is_student\":false}}",
                    List.of("balance_now")));
            attempts.add(new Attempt("an extra feature " + name, VALID.replace("}}", "," + quoted(name) + ":1.0}}"), List.of()));
        }
        for (String value : List.of("\"NaN\"", "1", "\"x\"", "null")) {
            attempts.add(new Attempt("features repeated with " + value, VALID.replace("false}}", "false,\"balance_now\":" + value + "}}"),
                    List.of()));
        }
        // The request around the features.
        for (String features : List.of("[]", "[1.0,false]", "\"balance_now=1\"", "1", "true", "{\"balance_now\":{\"balance_now\":1}}")) {
            attempts.add(new Attempt("features as " + features, "{\"features\":" + features + "}", List.of()));
        }
        for (String customer : List.of("\"\"", "\" \"", "7", "true", "[\"tok-1\"]", "{\"token\":\"tok-1\"}", quoted("t".repeat(129)),
                quoted("t".repeat(200_000)), "\"tok-\\ud800\"", "\"unknown-customer\"", "\"tok-1\\u0000\"")) {
            attempts.add(new Attempt("customer as " + abbreviated(customer), "{\"customer\":" + customer + "}", List.of()));
        }
        for (String reasons : List.of("-2", "1001", "\"3\"", "1.5", "true", "[3]", "99999999999999999999", "1e2")) {
            attempts.add(new Attempt("reasons as " + reasons, "{\"reasons\":" + reasons + "," + VALID.substring(1), List.of()));
        }
        attempts.add(new Attempt("neither customer nor features", "{}", List.of()));
        attempts.add(new Attempt("both null", "{\"customer\":null,\"features\":null}", List.of()));
        attempts.add(new Attempt("too many rows", "{\"rows\":[" + (VALID.substring(12, VALID.length() - 1) + ",").repeat(10_000) + "{}]}",
                List.of()));
        // Broken bodies: every truncation of a valid one, and the classics.
        for (int length = 0; length < VALID.length(); length++) {
            attempts.add(new Attempt("truncated to " + length + " characters", VALID.substring(0, length), List.of()));
        }
        for (String body : List.of("null", "[]", "[" + VALID + "]", "\"text\"", "1", VALID + " {}", VALID + ",", "{features:{}}",
                "{'features':{}}", "{\"features\":{\"balance_now\":-400.0,\"is_student\":false,}}", "\u00a0" + VALID,
                "{\"a\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001), "{\"features\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                "9".repeat(1_000_000), "{\"customer\":\"" + "x".repeat(2_000_000) + "\"}")) {
            attempts.add(new Attempt("the body " + abbreviated(body), body, List.of()));
        }
        attempts.add(new Attempt("a body not in UTF-8", PATH, app, "application/json", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':',
                '1', '}'}, List.of()));
        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml", "application/jsonx",
                "multipart/form-data", "")) {
            attempts.add(new Attempt("content type '" + contentType + "'", PATH, app, contentType, VALID.getBytes(StandardCharsets.UTF_8),
                    List.of()));
        }
        // The Open Inference Protocol's body, malformed in each of its parts.
        String infer = INFER_MODEL + "/infer";
        String balance = "{\"name\":\"balance_now\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[-400.0]}";
        for (String student : List.of("{\"name\":\"is_student\",\"shape\":[1],\"datatype\":\"BOOL\",\"data\":[\"NaN\"]}",
                "{\"name\":\"is_student\",\"shape\":[1],\"datatype\":\"BOOL\",\"data\":[NaN]}",
                "{\"name\":\"is_student\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[1e309]}",
                "{\"name\":\"is_student\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[0.5]}",
                "{\"name\":\"is_student\",\"shape\":[2],\"datatype\":\"BOOL\",\"data\":[true]}",
                "{\"name\":\"is_student\",\"shape\":[1],\"datatype\":\"BOOL\",\"data\":[true,false]}",
                "{\"name\":\"is_student\",\"shape\":[0],\"datatype\":\"BOOL\",\"data\":[]}",
                "{\"name\":\"is_student\",\"shape\":[-1],\"datatype\":\"BOOL\",\"data\":[true]}",
                "{\"name\":\"is_student\",\"shape\":[1,1,1],\"datatype\":\"BOOL\",\"data\":[true]}",
                "{\"name\":\"is_student\",\"shape\":[1,2],\"datatype\":\"BOOL\",\"data\":[true,true]}",
                "{\"name\":\"is_student\",\"shape\":[1],\"datatype\":\"BF17\",\"data\":[true]}",
                "{\"name\":\"is_student\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"true\"]}",
                "{\"name\":\"is_student\",\"shape\":[1],\"datatype\":\"BOOL\",\"data\":true}",
                "{\"name\":\"is_student\",\"shape\":[1],\"datatype\":\"BOOL\"}",
                "{\"name\":\"is_student\",\"shape\":\"1\",\"datatype\":\"BOOL\",\"data\":[true]}",
                "{\"name\":\"is_student\",\"shape\":[1.5],\"datatype\":\"BOOL\",\"data\":[true]}",
                "{\"name\":\"is_student\",\"shape\":[99999999999],\"datatype\":\"BOOL\",\"data\":[true]}",
                "{\"name\":\"is_student\",\"shape\":[1],\"datatype\":\"BOOL\",\"data\":[true],\"extra\":1}",
                "{\"name\":\"is_student\",\"shape\":[1],\"datatype\":\"BOOL\",\"data\":[" + "[".repeat(1_000) + "]".repeat(1_000) + "]}",
                "{\"name\":\"is_studentx\",\"shape\":[1],\"datatype\":\"BOOL\",\"data\":[true]}",
                balance, "null", "[]", "1")) {
            attempts.add(new Attempt("an inference tensor " + abbreviated(student), infer, APP_TOKEN, "application/json",
                    ("{\"inputs\":[" + balance + "," + student + "]}").getBytes(StandardCharsets.UTF_8), List.of()));
        }
        for (String body : List.of("{}", "{\"inputs\":[]}", "{\"inputs\":null}", "{\"inputs\":{}}", "{\"inputs\":[" + balance + "],\"outputs\":[{\"name\":\"x\"}]}",
                "{\"inputs\":[" + balance + "],\"parameters\":{\"reasons\":\"3\"}}", "{\"inputs\":[" + balance + "],\"parameters\":{\"binary_data_output\":true}}",
                "{\"inputs\":[" + balance + "],\"parameters\":{\"unknown\":1}}", "{\"inputs\":[" + balance + "],\"parameters\":[]}",
                "{\"inputs\":[{\"name\":\"customer\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[7]}]}",
                "{\"inputs\":[{\"name\":\"customer\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"unknown-customer\"]}]}",
                "{\"inputs\":[{\"name\":\"customer\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}]}",
                "{\"inputs\":[{\"name\":\"m\",\"shape\":[1,3],\"datatype\":\"FP32\",\"data\":[1,0,0]}]}",
                "{\"inputs\":[{\"name\":\"m\",\"shape\":[2000,2],\"datatype\":\"FP32\",\"data\":[1,0]}]}",
                "{\"id\":7,\"inputs\":[" + balance + "]}", "{\"inputs\":[" + balance + "," + balance + "]}")) {
            attempts.add(new Attempt("an inference body " + abbreviated(body), infer, APP_TOKEN, "application/json",
                    body.getBytes(StandardCharsets.UTF_8), List.of()));
        }
        attempts.add(new Attempt("an inference call with a token that may not score", infer, server.tokenOf.get(Role.DATA_SCIENTIST),
                "application/json", ("{\"inputs\":[" + balance + "]}").getBytes(StandardCharsets.UTF_8), List.of()));
        for (String path : List.of("/v2/models/unknown-use-case/infer", "/v2/models//infer", "/v2/models/" + USE_CASE + "/versions/1/infer")) {
            attempts.add(new Attempt("the inference path " + path, path, APP_TOKEN, "application/json",
                    ("{\"inputs\":[" + balance + "]}").getBytes(StandardCharsets.UTF_8), List.of()));
        }
        // Where and who.
        for (String path : List.of("/v1/score/unknown-use-case", "/v1/score/OVERDRAFT-40D", "/v1/score/overdraft-40d%00", "/v1/score/"
                + "x".repeat(300), "/v1/score/..%2F..%2Fetc", "/v1/score/overdraft%2D40d%20")) {
            attempts.add(new Attempt("the path " + abbreviated(path), path, app, "application/json", VALID.getBytes(StandardCharsets.UTF_8),
                    List.of()));
        }
        List<String> tokens = new ArrayList<>(List.of("", "not-a-token", "assay_" + "0".repeat(40), revoked, revoked + "x"));
        server.tokenOf.forEach((role, token) -> {
            if (role != Role.APP && role != Role.MLOPS) {
                tokens.add(token);
            }
        });
        for (String token : tokens) {
            attempts.add(new Attempt("a token that may not score (" + abbreviated(token) + ")", PATH, token.isEmpty() ? null : token,
                    "application/json", VALID.getBytes(StandardCharsets.UTF_8), List.of()));
        }
        return attempts;
    }

    /** The values a feature must never be scored with, by name; a nullable one takes null, so null is not among them. */
    private static Map<String, String> faults(boolean numeric) {
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("NaN", "NaN");
        faults.put("Infinity", "Infinity");
        faults.put("-Infinity", "-Infinity");
        faults.put("\"NaN\" text", "\"NaN\"");
        faults.put("\"Infinity\" text", "\"Infinity\"");
        faults.put("\"-Infinity\" text", "\"-Infinity\"");
        faults.put("1e309", "1e309");
        faults.put("-1e309", "-1e309");
        faults.put("a thousand digits", "9".repeat(1_000));
        faults.put("text", "\"low\"");
        faults.put("an empty string", "\"\"");
        faults.put("a list", "[1.0]");
        faults.put("an empty list", "[]");
        faults.put("an object", "{\"value\":1.0}");
        faults.put("nested 1,000 deep", "[".repeat(1_000) + "]".repeat(1_000));
        faults.put("a long string", quoted("x".repeat(100_000)));
        if (numeric) {
            faults.put("a boolean", "true");
            faults.put("a number as text", "\"-400.0\"");
        } else {
            faults.put("a fraction", "0.5");
            faults.put("a number beyond 0 and 1", "2");
            faults.put("yes", "\"yes\"");
            faults.put("a boolean as text", "\"false\"");
        }
        return faults;
    }

    private static String features(String balance, String student) {
        return "{\"features\":{\"balance_now\":" + balance + ",\"is_student\":" + student + "}}";
    }

    private static String quoted(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private long decisionLines() throws IOException {
        long lines = 0;
        for (Path file : DecisionLog.files(ScoringPlane.decisionFolder(home, Environment.PRODUCTION))) {
            try (var read = Files.lines(file)) {
                lines += read.count();
            }
        }
        return lines;
    }

    private static ArtifactRef store(ArtifactStore artifacts, byte[] bundle) {
        try (ArtifactStore.Upload upload = artifacts.upload()) {
            upload.write(bundle, 0, bundle.length);
            return upload.commit("assay-bundle");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "… (" + text.length() + " characters)" : text;
    }
}
