package io.assay.server;

import io.assay.core.access.Role;
import io.assay.server.http.ApiRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every registered route with no token and with each role's token: the route table is
 * the whole truth about who may call what, and nothing is registered outside it.
 */
class RouteAccessTest {
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

    @Test
    void every_registered_endpoint_is_in_the_route_table_and_the_other_way_round() {
        List<String> table = server.app.api().routes().stream().map(route -> route.method().name() + " " + route.path()).sorted().toList();
        assertThat(server.app.api().registeredEndpoints()).containsExactlyElementsOf(table);
        assertThat(table).hasSizeGreaterThan(20);
    }

    @Test
    void only_health_answers_without_a_token() {
        List<String> failures = new ArrayList<>();
        for (ApiRoute route : server.app.api().routes()) {
            Http.Response response = call(route, null);
            // A public route answers on its own terms (a probe of a use case nothing serves is a 404), never asking for a token.
            boolean asExpected = route.isPublic() ? response.status() != 401 && response.status() != 403 && response.status() < 500
                    : response.status() == 401;
            if (!asExpected) {
                failures.add(route.method() + " " + route.path() + " answered " + response.status() + " without a token: " + response.body());
            }
            if (!route.isPublic()) {
                assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void a_role_gets_403_exactly_on_the_routes_the_table_does_not_grant_it() {
        List<String> failures = new ArrayList<>();
        for (ApiRoute route : server.app.api().routes()) {
            for (Role role : Role.values()) {
                Http.Response response = call(route, server.tokenOf.get(role));
                boolean granted = route.isPublic() || route.roles().contains(role);
                boolean refused = response.status() == 403 && response.code().equals("ROLE_REQUIRED");
                if (granted == refused || response.status() == 401 || response.status() >= 500) {
                    failures.add(role + " on " + route.method() + " " + route.path() + " (granted " + granted + ") got "
                            + response.status() + " " + response.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Regression: Javalin answered HEAD on every GET route with 200 and no token; HEAD is a GET without the body, checked alike. */
    @Test
    void head_is_authenticated_and_role_checked_like_get() {
        List<String> gets = server.app.api().routes().stream().filter(route -> route.method().name().equals("GET"))
                .map(route -> "GET " + route.path()).sorted().toList();
        assertThat(server.app.api().registeredHeadEndpoints()).containsExactlyElementsOf(gets);
        List<String> failures = new ArrayList<>();
        for (ApiRoute route : server.app.api().routes()) {
            if (!route.method().name().equals("GET")) {
                continue;
            }
            String path = placeholders(route);
            int anonymous = server.http.send("HEAD", path, null, (String) null).status();
            int asApp = server.http.send("HEAD", path, server.tokenOf.get(Role.APP), (String) null).status();
            boolean appGranted = route.isPublic() || route.roles().contains(Role.APP);
            if ((route.isPublic() ? anonymous == 401 || anonymous >= 500 : anonymous != 401) || (!appGranted && asApp != 403)) {
                failures.add("HEAD " + route.path() + ": " + anonymous + " without a token, " + asApp + " as APP");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void a_wrong_or_malformed_token_is_refused_like_no_token() {
        ApiRoute me = server.app.api().routes().stream().filter(route -> route.path().equals("/api/v1/me")).findFirst().orElseThrow();
        String real = server.tokenOf.get(Role.AUDITOR);
        for (String token : List.of("nonsense", real.substring(0, real.length() - 1) + (real.endsWith("A") ? "B" : "A"), real + "x")) {
            Http.Response response = call(me, token);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().path("detail").asText()).doesNotContain(real);
        }
        assertThat(call(me, real).json().path("name").asText()).isEqualTo("auditor");
    }

    /** A call with placeholder path values and an example body: enough to pass or fail the permission check. */
    private static Http.Response call(ApiRoute route, String token) {
        String path = placeholders(route);
        // A valid body, so that what answers is the permission behind the route, not the body's shape.
        String body = route.method().name().equals("GET") ? null : ExampleBodies.of(route);
        return server.http.send(route.method().name(), path, token, body);
    }

    static String placeholders(ApiRoute route) {
        String path = route.path().replace("{name}", "churn").replace("{version}", "1").replace("{user}", "nobody")
                .replace("{id}", "tok-0").replace("{environment}", "test").replace("{table}", "transactions").replace("{use_case}", "churn");
        return path.endsWith("/audit/events") ? path + "?from=2026-01-01&to=2026-01-02" : path;
    }
}
