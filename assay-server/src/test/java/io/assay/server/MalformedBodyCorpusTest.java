package io.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.assay.core.access.Role;
import io.assay.api.Requests;
import io.assay.api.Wire;
import io.assay.server.http.ApiRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that reads a JSON body gets a corpus of hostile ones, made from a valid body of
 * its request record with one thing wrong: each field of the wrong kind, named twice, nested
 * 10,000 deep, a number of a million digits, a lone surrogate, a fraction for a whole number;
 * and whole bodies that are null, lists, truncated, not UTF-8, of another content type. Every
 * answer must be a 4xx problem that names no Java type, and nothing may change.
 */
class MalformedBodyCorpusTest {
    private static final Pattern JAVA_INSIDE = Pattern.compile(
            "(java|javax|com\\.fasterxml|io\\.assay)\\.|\\$[A-Za-z]|Exception|Cannot (deserialize|construct|coerce)|`");
    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @TempDir
    static Path home;

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(home).withOnePersonPerRole();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Attempt(String what, String contentType, byte[] body) {
    }

    @Test
    void every_hostile_body_on_every_route_gets_a_4xx_that_names_no_java_type_and_changes_nothing() throws Exception {
        String before = state();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (ApiRoute route : server.app.api().routes()) {
            if (route.requestBody().isEmpty()) {
                continue;
            }
            Class<?> type = route.requestBody().get();
            assertThat(ExampleBodies.VALID).as("an example body for %s (%s %s)", type.getSimpleName(), route.method(), route.path()).containsKey(type);
            String token = server.tokenOf.get(route.roles().stream().sorted().findFirst().orElse(Role.ADMIN));
            for (Attempt attempt : corpus(type)) {
                Http.Response answer = server.http.send(route.method().name(), RouteAccessTest.placeholders(route), token,
                        HttpRequest.BodyPublishers.ofByteArray(attempt.body()), attempt.contentType());
                sent++;
                String detail = answer.contentType().startsWith("application/problem+json") ? answer.json().path("detail").asText() : "";
                if (answer.status() < 400 || answer.status() >= 500 || detail.isEmpty() || JAVA_INSIDE.matcher(answer.body()).find()) {
                    failures.add(route.method() + " " + route.path() + " with " + attempt.what() + ": " + answer.status() + " "
                            + answer.body());
                }
            }
        }
        assertThat(failures).as("answers that were not a clear 4xx").isEmpty();
        assertThat(sent).as("hostile bodies sent").isGreaterThanOrEqualTo(500);
        assertThat(state()).as("users, tokens, use cases and the audit head after the corpus").isEqualTo(before);
    }

    @Test
    void a_duplicated_key_never_picks_one_of_its_values() {
        Http.Response answer = server.http.post("/api/v1/tokens", server.adminToken, "{\"user\":\"mlops\",\"user\":\"root.admin\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).isEqualTo("field 'user' appears twice; name each field once");
    }

    @Test
    void a_wrong_type_is_named_in_json_words() {
        Http.Response fraction = server.http.send("PUT", "/api/v1/use-cases/churn/routing/test", server.tokenOf.get(Role.MLOPS),
                "{\"champion\":1.0}");
        Http.Response text = server.http.post("/api/v1/tokens", server.adminToken, "{\"user\":7}");

        assertThat(fraction.json().path("detail").asText()).isEqualTo("field 'champion' must be a whole number, not the number 1.0");
        assertThat(text.json().path("detail").asText()).isEqualTo("field 'user' must be text, not the number 7");
    }

    /** Regression: well-formed JSON with a value out of a record's range (a negative sequence, a far date) answered 500. */
    @Test
    void a_value_out_of_range_is_a_400_naming_it() {
        Http.Response sequence = server.http.post("/api/v1/audit/verifications", server.tokenOf.get(Role.AUDITOR),
                "{\"against\":{\"checkpoint_format\":1,\"sequence\":-1,\"hash\":\"" + "c".repeat(64)
                        + "\",\"exported_at\":\"2026-12-01T00:00:00Z\"}}");
        Http.Response farDay = server.http.get("/api/v1/audit/events?from=2026-01-01&to=%2B999999999-12-31", server.adminToken);

        assertThat(sequence.status()).as(sequence.body()).isEqualTo(400);
        assertThat(farDay.status()).as(farDay.body()).isEqualTo(400);
    }

    private static List<Attempt> corpus(Class<?> type) throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        String valid = ExampleBodies.VALID.get(type);
        JsonNode base = Wire.JSON.readTree(valid);
        for (RecordComponent component : type.getRecordComponents()) {
            String field = SNAKE.translate(component.getName());
            Class<?> expected = unwrapped(component.getGenericType());
            for (Map.Entry<String, String> value : wrongValues(expected).entrySet()) {
                attempts.add(json(field + " as " + value.getKey(), with(base, field, value.getValue())));
            }
            if (component.getType() != Optional.class) {
                attempts.add(json(field + " as null", with(base, field, "null")));
                attempts.add(json(field + " left out", without(base, field)));
            }
            String original = base.has(field) ? base.get(field).toString() : "\"x\"";
            attempts.add(json(field + " named twice", with(base, field, original).replaceFirst("}$", ",\"" + field + "\":" + original + "}")));
            attempts.add(json(field + " nested 10,000 deep", with(base, field, "[".repeat(10_000) + "]".repeat(10_000))));
            attempts.add(json(field + " with a million digits", with(base, field, "9".repeat(1_000_000))));
            attempts.add(json(field + " as 1e400", with(base, field, "1e400")));
            attempts.add(json(field + " with a lone surrogate", with(base, field, "\"\\ud800\"")));
            attempts.add(json(field + " with a lone low surrogate", with(base, field, "\"x\\udc00\"")));
        }
        for (String field : List.of("stage", "author", "revision", "unknown_field")) {
            attempts.add(json("an extra field " + field, valid.substring(0, valid.length() - 1) + ",\"" + field + "\":\"x\"}"));
        }
        for (String body : List.of("null", "[]", "[" + valid + "]", "\"text\"", "1", "true", "{", valid + " {}", valid + ",",
                "{\"a\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001), "9".repeat(1_000_000), "\u00a0" + valid)) {
            attempts.add(json("the body " + abbreviated(body), body));
        }
        attempts.add(new Attempt("the body not in UTF-8", "application/json", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));
        attempts.add(new Attempt("the body in Latin-1", "application/json; charset=ISO-8859-1", valid.getBytes(StandardCharsets.ISO_8859_1)));
        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "application/jsonx", "application/json-patch",
                "multipart/form-data", "")) {
            attempts.add(new Attempt("content type '" + contentType + "'", contentType, valid.getBytes(StandardCharsets.UTF_8)));
        }
        return attempts;
    }

    /** JSON values of every kind the field must not take, by name. */
    private static Map<String, String> wrongValues(Class<?> expected) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean text = expected == String.class || expected == LocalDate.class || expected == java.time.Instant.class;
        boolean whole = expected == Integer.class || expected == Long.class;
        boolean number = whole || expected == Double.class;
        if (!text) {
            values.put("text", "\"7\"");
        }
        if (!number) {
            values.put("a whole number", "7");
        }
        if (!number || whole) {
            values.put("a fraction", "1.5");
            values.put("1.0", "1.0");
            values.put("1e2", "1e2");
        }
        if (expected != Boolean.class) {
            values.put("a boolean", "true");
        }
        if (!List.class.isAssignableFrom(expected)) {
            values.put("a list", "[\"7\"]");
        }
        if (!Map.class.isAssignableFrom(expected) && !expected.isRecord() && expected != JsonNode.class) {
            values.put("an object", "{\"a\":1}");
        }
        if (List.class.isAssignableFrom(expected)) {
            values.put("a list with null", "[null]");
            values.put("a list of objects", "[{\"a\":1}]");
        }
        if (expected == LocalDate.class) {
            values.put("a slashed date", "\"2026/07/01\"");
        }
        if (whole) {
            values.put("a number beyond its range", "99999999999999999999");
        }
        return values;
    }

    private static Class<?> unwrapped(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (raw == Optional.class) {
                return unwrapped(parameterized.getActualTypeArguments()[0]);
            }
            return raw;
        }
        return (Class<?>) type;
    }

    private static String with(JsonNode base, String field, String rawValue) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = base.deepCopy();
        copy.remove(field);
        String rest = copy.toString();
        return "{\"" + field + "\":" + rawValue + (copy.isEmpty() ? "}" : "," + rest.substring(1));
    }

    private static String without(JsonNode base, String field) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = base.deepCopy();
        copy.remove(field);
        return copy.toString();
    }

    private static Attempt json(String what, String body) {
        return new Attempt(what, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviated(String body) {
        return body.length() > 30 ? body.substring(0, 30) + "… (" + body.length() + " characters)" : body;
    }

    /** What the corpus must leave as it found it. */
    private static String state() {
        return server.http.get("/api/v1/users", server.adminToken).body() + server.http.get("/api/v1/tokens", server.adminToken).body()
                + server.http.get("/api/v1/use-cases", server.tokenOf.get(Role.MLOPS)).body()
                + server.http.post("/api/v1/audit/verifications", server.tokenOf.get(Role.AUDITOR), "{}").json().path("head_sequence");
    }
}
