package io.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version of churn walked from draft to production over real HTTP, by distinct people with
 * their own tokens, with every shortcut a person might try refused on the way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceApiTest {
    static final String SPEC = """
            {"spec_format": 1,
             "signature": {"output": "churn_probability", "features": [
                {"name": "balance_trend_90d", "type": "NUMERIC", "min": -1000000, "max": 1000000},
                {"name": "segment", "type": "CATEGORICAL", "categories": ["mass", "affluent"]}]},
             "provenance": {"run_id": "run-1", "seed": 7, "snapshots": {"transactions-2026-11-27": "abababababababababababababababababababababababababababababababab"}, "parameters": {"max_depth": "4"},
                            "libraries": {"xgboost4j": "3.0.4"}},
             "metrics": [{"metric": "auc", "at_least": 0.7}]}""";
    static final String VERSIONS = "/api/v1/use-cases/churn/versions";
    static final String V1 = VERSIONS + "/1";

    @TempDir
    static Path home;

    static TestServer server;
    static Http http;
    static String author;
    static String mlops;
    static String legal;
    static String dualReviewer;
    static String compliance;
    static String auditor;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(home);
        http = server.http;
        author = server.userWith("dana.ds", Role.DATA_SCIENTIST, Role.LEGAL_REVIEWER);
        mlops = server.userWith("max.mlops", Role.MLOPS);
        legal = server.userWith("lea.legal", Role.LEGAL_REVIEWER);
        dualReviewer = server.userWith("dirk.data", Role.DATA_REVIEWER, Role.COMPLIANCE_REVIEWER);
        compliance = server.userWith("carla.compliance", Role.COMPLIANCE_REVIEWER);
        auditor = server.userWith("otto.auditor", Role.AUDITOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void a_data_scientist_defines_a_use_case_and_registers_a_draft_over_an_uploaded_artifact() {
        Http.Response defined = http.post("/api/v1/use-cases", author, """
                {"name": "churn", "description": "Who leaves within a quarter", "risk_tier": "HIGH",
                 "intended_use": "retention offers", "limitations": "not for credit decisions",
                 "consuming_applications": ["crm"], "required_gates": ["lineage"]}""");
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        assertThat(defined.json().path("approver_roles")).hasSize(3);
        http.post("/api/v1/use-cases", author, """
                {"name": "mortgage-propensity", "description": "Who takes a mortgage", "risk_tier": "MEDIUM",
                 "intended_use": "offers", "limitations": "none known"}""");

        Http.Response empty = http.send("POST", "/api/v1/artifacts", author, HttpRequest.BodyPublishers.noBody());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("detail").asText()).contains("the uploaded file").doesNotContain(home.toString());

        Http.Response artifact = http.send("POST", "/api/v1/artifacts?format=xgboost-json", author,
                HttpRequest.BodyPublishers.ofString("{\"learner\": \"a model\"}"));
        assertThat(artifact.status()).as(artifact.body()).isEqualTo(201);
        String sha256 = artifact.json().get("sha256").asText();

        Http.Response registered = http.post(VERSIONS, author,
                "{\"artifact_sha256\": \"" + sha256 + "\", \"spec\": " + SPEC + "}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().path("stage").asText()).isEqualTo("DRAFT");
        assertThat(registered.json().path("author").asText()).isEqualTo("dana.ds");
        assertThat(registered.json().path("gates").get(0).path("status").asText()).isEqualTo("NOT_RUN");
    }

    @Test
    @Order(2)
    void a_body_that_sets_stage_author_or_approver_is_refused_and_registers_nothing() {
        String sha256 = http.get(V1, author).json().path("artifact").path("sha256").asText();
        for (String field : new String[] {"\"stage\": \"PRODUCTION\"", "\"author\": \"someone.else\"", "\"approver\": \"lea.legal\""}) {
            Http.Response refused = http.post(VERSIONS, author, "{\"artifact_sha256\": \"" + sha256 + "\", " + field + ", \"spec\": " + SPEC + "}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(refused.json().path("detail").asText()).contains("is set by Assay, never by a request");
        }
        Http.Response asText = http.send("POST", VERSIONS + "/1/evidence", mlops, HttpRequest.BodyPublishers.ofString(
                "{\"gate\": \"lineage\", \"passed\": true, \"engine\": \"x\"}"), "text/plain");
        assertThat(asText.status()).isEqualTo(400);
        assertThat(asText.json().path("detail").asText()).contains("application/json");
        Http.Response nullFigure = http.post(VERSIONS + "/1/evidence", mlops,
                "{\"gate\": \"lineage\", \"passed\": true, \"engine\": \"x\", \"figures\": {\"auc\": null}}");
        assertThat(nullFigure.status()).isEqualTo(400);
        Http.Response unknown = http.post(VERSIONS + "/1/evidence", mlops, "{\"gate\": \"lineage\", \"passed\": true, \"engine\": \"x\", \"colour\": 1}");
        assertThat(unknown.json().path("detail").asText()).contains("unknown field 'colour'");
        assertThat(http.get(VERSIONS, author).json()).hasSize(1);
    }

    @Test
    @Order(3)
    void an_illegal_transition_is_a_409_listing_what_is_allowed() {
        Http.Response unnamed = http.post(V1 + "/transitions/promote", mlops, "{}");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().path("detail").asText()).contains("say which version the promotion replaces");
        Http.Response early = http.post(V1 + "/transitions/promote", mlops, "{\"replaces\": \"none\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(early.json().path("detail").asText()).contains("Allowed: [SUBMIT");
    }

    @Test
    @Order(4)
    void the_author_submits_but_may_not_attach_evidence_or_approve_their_own_version() {
        assertThat(http.post(V1 + "/transitions/submit", author, null).json().path("stage").asText()).isEqualTo("CANDIDATE");
        Http.Response ownEvidence = http.post(V1 + "/evidence", author, "{\"gate\": \"lineage\", \"passed\": true, \"engine\": \"lineage-1\"}");
        assertThat(ownEvidence.status()).isEqualTo(403);
        assertThat(ownEvidence.code()).isEqualTo("SEGREGATION_OF_DUTIES");

        JsonNode validated = http.post(V1 + "/evidence", mlops, "{\"gate\": \"lineage\", \"passed\": true, \"engine\": \"lineage-1\","
                + " \"figures\": {\"snapshots_found\": 1}}").json();
        assertThat(validated.path("stage").asText()).isEqualTo("VALIDATED");

        Http.Response selfApproval = http.post(V1 + "/reviews", author, review("APPROVE", digest(), "LEGAL_REVIEWER"));
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.code()).isEqualTo("SEGREGATION_OF_DUTIES");
    }

    @Test
    @Order(5)
    void an_approval_of_a_stale_digest_and_a_second_role_by_one_person_are_refused() {
        Http.Response stale = http.post(V1 + "/reviews", legal, review("APPROVE", "0".repeat(64), null));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("STALE_DIGEST");

        assertThat(http.post(V1 + "/reviews", dualReviewer, review("APPROVE", digest(), "DATA_REVIEWER")).status()).isEqualTo(200);
        Http.Response secondRole = http.post(V1 + "/reviews", dualReviewer, review("APPROVE", digest(), "COMPLIANCE_REVIEWER"));
        assertThat(secondRole.status()).isEqualTo(403);
        assertThat(secondRole.code()).isEqualTo("SEGREGATION_OF_DUTIES");
    }

    @Test
    @Order(6)
    void script_in_a_comment_is_kept_as_text_and_line_breaks_are_refused() {
        Http.Response lineBreak = http.post(V1 + "/reviews", legal, review("APPROVE", digest(), null).replace("looks fine", "fine\\r\\nFORGED 200"));
        assertThat(lineBreak.status()).isEqualTo(400);

        Http.Response approved = http.post(V1 + "/reviews", legal,
                review("APPROVE", digest(), null).replace("looks fine", "<script>alert(1)</script>"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.contentType()).startsWith("application/json");
        assertThat(approved.json().path("reviews").findValuesAsText("comment")).contains("<script>alert(1)</script>");
    }

    @Test
    @Order(7)
    void a_ten_megabyte_body_is_refused_before_it_is_read_and_changes_nothing() {
        long revision = http.get(V1, auditor).json().path("revision").asLong();
        String huge = review("APPROVE", digest(), null).replace("looks fine", "x".repeat(10 << 20));
        Http.Response refused = http.post(V1 + "/reviews", compliance, huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(http.get(V1, auditor).json().path("revision").asLong()).isEqualTo(revision);
    }

    @Test
    @Order(8)
    void promotion_after_a_reviewer_lost_the_role_is_refused_and_succeeds_once_it_is_back() {
        assertThat(http.post(V1 + "/reviews", compliance, review("APPROVE", digest(), null)).json().path("stage").asText())
                .isEqualTo("APPROVED");
        assertThat(http.post(V1 + "/tests", mlops, "{\"test\": \"shadow-replay\", \"passed\": true, \"detail\": \"1000 rows\"}")
                .json().path("stage").asText()).isEqualTo("TESTED");

        http.send("PUT", "/api/v1/users/lea.legal/roles", server.adminToken, "{\"roles\": [\"AUDITOR\"]}");
        Http.Response refused = http.post(V1 + "/transitions/promote", mlops, "{\"replaces\": \"none\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("APPROVALS_INCOMPLETE");

        http.send("PUT", "/api/v1/users/lea.legal/roles", server.adminToken, "{\"roles\": [\"LEGAL_REVIEWER\"]}");
        Http.Response promoted = http.post(V1 + "/transitions/promote", mlops, "{\"replaces\": \"none\"}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().path("stage").asText()).isEqualTo("PRODUCTION");
        assertThat(http.get("/api/v1/use-cases/churn", auditor).json().path("in_production").asInt()).isEqualTo(1);
    }

    @Test
    @Order(81)
    void promotion_routed_production_to_the_version_and_mlops_routes_the_test_environment_apart_from_the_stage() {
        JsonNode routing = http.get("/api/v1/use-cases/churn/routing", auditor).json();
        assertThat(routing.findValuesAsText("environment")).containsExactly("TEST", "PRODUCTION");
        assertThat(routing.get(1).path("summary").asText()).isEqualTo("champion v1");

        Http.Response byDataScientist = http.send("PUT", "/api/v1/use-cases/churn/routing/test", author, "{\"champion\": 1}");
        assertThat(byDataScientist.status()).isEqualTo(403);
        Http.Response withStage = http.send("PUT", "/api/v1/use-cases/churn/routing/test", mlops, "{\"champion\": 1, \"stage\": \"TESTED\"}");
        assertThat(withStage.status()).isEqualTo(400);
        Http.Response unknownEnvironment = http.send("PUT", "/api/v1/use-cases/churn/routing/staging", mlops, "{\"champion\": 1}");
        assertThat(unknownEnvironment.json().path("detail").asText()).contains("unknown environment 'staging'");

        Http.Response routed = http.send("PUT", "/api/v1/use-cases/churn/routing/test", mlops, "{\"champion\": 1, \"expected_revision\": 0}");
        assertThat(routed.status()).as(routed.body()).isEqualTo(200);
        assertThat(routed.json().path("summary").asText()).isEqualTo("champion v1");
        Http.Response stale = http.send("PUT", "/api/v1/use-cases/churn/routing/test", mlops, "{\"expected_revision\": 0}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(http.get(V1, auditor).json().path("stage").asText()).isEqualTo("PRODUCTION");
    }

    @Test
    @Order(9)
    void unknown_ids_are_404s_that_name_only_what_was_asked() {
        for (String path : new String[] {"/api/v1/use-cases/nope", "/api/v1/use-cases/nope/versions", VERSIONS + "/99",
                VERSIONS + "/99/history", "/api/v1/nothing-here"}) {
            Http.Response missing = http.get(path, auditor);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.code()).isEqualTo("NOT_FOUND");
            assertThat(missing.body()).doesNotContain("mortgage").doesNotContain("Exception").doesNotContain("at io.");
        }
        assertThat(http.get(VERSIONS + "/one", auditor).status()).isEqualTo(400);
    }

    @Test
    @Order(10)
    void every_change_is_in_the_verified_audit_chain_under_the_request_id_that_made_it() {
        Http.Response history = http.get(V1 + "/history", auditor);
        assertThat(history.json().findValuesAsText("action")).contains("version.register", "version.submit", "version.promote");
        assertThat(history.json().findValuesAsText("actor")).contains("dana.ds", "max.mlops", "lea.legal", "carla.compliance");
        assertThat(history.requestId()).isPresent();

        JsonNode check = http.post("/api/v1/audit/verifications", auditor, null).json();
        assertThat(check.path("intact").asBoolean()).isTrue();
        JsonNode checkpoint = http.post("/api/v1/audit/checkpoints", auditor, null).json();
        JsonNode against = http.post("/api/v1/audit/verifications", auditor, "{\"against\": " + checkpoint + "}").json();
        assertThat(against.path("intact").asBoolean()).as(against.toString()).isTrue();

        Http.Response events = http.get("/api/v1/audit/events?from=2000-01-01&to=2100-01-01", auditor);
        assertThat(events.contentType()).startsWith("application/x-ndjson");
        long checkedAfter = http.post("/api/v1/audit/verifications", auditor, null).json().path("events_checked").asLong();
        assertThat(events.body().lines().count()).isEqualTo(checkedAfter).isGreaterThan(check.path("events_checked").asLong());
    }

    @Test
    @Order(11)
    void the_openapi_document_describes_every_route_with_its_roles() {
        JsonNode document = http.get("/api/v1/openapi.json", auditor).json();
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        server.app.api().routes().forEach(route -> assertThat(document.path("paths").path(route.path())
                .path(route.method().name().toLowerCase(java.util.Locale.ROOT)).path("x-assay-roles").size())
                .as(route.path()).isEqualTo(route.roles().size()));
        assertThat(document.path("components").path("schemas").path("VersionView").path("properties").has("evidence_digest")).isTrue();
        assertThat(document.path("components").path("schemas").path("RegisterVersion").path("properties").has("stage")).isFalse();
        assertThat(document.path("paths").findValuesAsText("operationId")).doesNotHaveDuplicates()
                .hasSize(server.app.api().routes().size()).contains("postUseCasesNameVersionsVersionTransitionsPromote");
    }

    private static String digest() {
        return http.get(V1, auditor).json().path("evidence_digest").asText();
    }

    private static String review(String decision, String digest, String role) {
        return "{\"decision\": \"" + decision + "\", \"comment\": \"looks fine\", \"digest\": \"" + digest + "\""
                + (role == null ? "" : ", \"role\": \"" + role + "\"") + "}";
    }
}
