package io.assay.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.access.Actor;
import io.assay.core.access.Role;
import io.assay.core.common.IdSource;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.Environment;
import io.assay.core.registry.Routing;
import io.assay.scoring.bundle.ModelBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data plane over real bundles, a real decision log on disk, and a hand-written routing source. */
class ScoringServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor CRM = new Actor("crm", Set.of(Role.APP));

    @TempDir
    Path home;

    private final Map<String, byte[]> artifacts = new HashMap<>();
    private final List<ServingSource.Planned> plan = new ArrayList<>();
    private final Map<String, ObjectNode> table = new HashMap<>();
    private final Set<String> objecting = new java.util.HashSet<>();
    private boolean marketing;
    private DecisionLog log;
    private ScoringService service;
    private String v1;
    private String v2;
    private String v3;

    @BeforeEach
    void serve() {
        v1 = store(Bundles.overdraft(-0.9));
        v2 = store(Bundles.overdraft(-1.4));
        v3 = store(Bundles.overdraft(-0.2));
        ServingSource source = new ServingSource() {
            @Override
            public List<Planned> plan(Environment environment) {
                return List.copyOf(plan);
            }

            @Override
            public Optional<byte[]> bundle(String sha256) {
                return Optional.ofNullable(artifacts.get(sha256)).map(byte[]::clone);
            }
        };
        log = new DecisionLog(home.resolve("decisions"), Clock.systemUTC());
        ModelRouter router = new ModelRouter(Environment.PRODUCTION, source, Clock.systemUTC());
        CustomerFeatures customers = (useCase, token) -> Optional.ofNullable(table.get(token)).map(ObjectNode::deepCopy);
        service = new ScoringService(router, customers, objecting::contains, log, FeatureRow.RangePolicy.FLAG, Clock.systemUTC(),
                IdSource.random());
        // A serving table holds every column of the use case's views, segments too; a version takes its own.
        ObjectNode ann = JSON.createObjectNode().put("balance_now", -400.0).put("is_student", false).put("region", "north");
        table.put("tok-ann", ann);
    }

    @AfterEach
    void stop() {
        service.close();
        log.close();
    }

    private String store(byte[] bundle) {
        String sha = ModelBundle.sha256(bundle);
        artifacts.put(sha, bundle);
        return sha;
    }

    private void route(long revision, Integer champion, Integer canary, int percent, List<Integer> shadows) {
        plan.clear();
        plan.add(new ServingSource.Planned(new Routing("overdraft-40d", Environment.PRODUCTION, Optional.ofNullable(champion),
                Optional.ofNullable(canary), percent, shadows, revision, "omar", Instant.EPOCH, "routed by omar"),
                Map.of(1, v1, 2, v2, 3, v3), marketing));
        service.router().refresh();
    }

    private ScoreCall customer(String token) {
        return new ScoreCall("overdraft-40d", Optional.of(token), Optional.empty());
    }

    @Test
    void the_champion_answers_a_customer_from_the_serving_table_and_the_decision_is_logged_before_the_answer() {
        route(1, 1, null, 0, List.of());
        ScoreAnswer answer = service.score(CRM, customer("tok-ann"));
        assertThat(answer.modelVersion()).isEqualTo(1);
        assertThat(answer.score()).isBetween(0.0, 1.0);
        List<Decision> logged = DecisionLog.find(home.resolve("decisions"), answer.decisionId());
        assertThat(logged).singleElement().satisfies(decision -> {
            assertThat(decision.kind()).isEqualTo(Decision.DECISION);
            assertThat(decision.customer()).isEqualTo("tok-ann");
            assertThat(decision.application()).isEqualTo("crm");
            assertThat(decision.score()).isEqualTo(answer.score());
            assertThat(decision.features()).containsEntry("balance_now", -400.0).containsEntry("is_student", 0.0);
        });
    }

    @Test
    void an_answer_carries_its_top_reasons_unless_the_caller_asks_for_none_and_the_log_keeps_them() {
        route(1, 1, null, 0, List.of());
        ScoreAnswer answer = service.score(CRM, customer("tok-ann"));
        // A balance below the mean pushes the overdraft score up (negative weight); not being a student pushes it down.
        assertThat(answer.reasons()).extracting(ScoreAnswer.Reason::feature, ScoreAnswer.Reason::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("balance_now", "up"),
                        org.assertj.core.groups.Tuple.tuple("is_student", "down"));
        assertThat(DecisionLog.find(home.resolve("decisions"), answer.decisionId()).get(0).reasons()).isEqualTo(answer.reasons());
        ScoreAnswer none = service.score(CRM, new ScoreCall("overdraft-40d", Optional.of("tok-ann"), Optional.empty(), 0));
        assertThat(none.reasons()).isEmpty();
        assertThat(none.score()).isEqualTo(answer.score());
    }

    @Test
    void a_marketing_use_case_answers_suppressed_for_an_objecting_customer_scores_no_model_and_logs_the_suppression() {
        ObjectNode bob = JSON.createObjectNode().put("balance_now", 2500.0).put("is_student", true);
        table.put("tok-bob", bob);
        objecting.add("tok-ann");
        marketing = true;
        route(1, 1, null, 0, List.of(3));

        ScoreAnswer ann = service.score(CRM, customer("tok-ann"));
        ScoreAnswer other = service.score(CRM, customer("tok-bob"));

        assertThat(ann.suppressed()).isTrue();
        assertThat(ann.score()).isNull();
        assertThat(ann.reasons()).isEmpty();
        assertThat(other.suppressed()).isFalse();
        assertThat(other.score()).isNotNull();
        assertThat(DecisionLog.find(home.resolve("decisions"), ann.decisionId())).singleElement().satisfies(decision -> {
            assertThat(decision.kind()).isEqualTo(Decision.SUPPRESSED);
            assertThat(decision.features()).as("no features are read for an objecting customer").isNull();
            assertThat(decision.error()).contains("objects to marketing");
        });
        assertThat(service.suppressions()).isEqualTo(1);
    }

    @Test
    void an_objection_does_not_touch_a_use_case_that_is_not_marketing() {
        objecting.add("tok-ann");
        route(1, 1, null, 0, List.of());

        assertThat(service.score(CRM, customer("tok-ann")).suppressed()).isFalse();
    }

    @Test
    void only_a_role_that_may_score_scores() {
        route(1, 1, null, 0, List.of());
        Actor dana = new Actor("dana", Set.of(Role.DATA_SCIENTIST));
        assertThatThrownBy(() -> service.score(dana, customer("tok-ann")))
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ROLE_REQUIRED));
        assertThat(service.score(new Actor("omar", Set.of(Role.MLOPS)), customer("tok-ann")).modelVersion()).isEqualTo(1);
    }

    @Test
    void an_unrouted_use_case_and_an_unknown_customer_are_named() {
        assertThatThrownBy(() -> service.score(CRM, customer("tok-ann"))).hasMessageContaining("nothing serves use case");
        route(1, 1, null, 0, List.of());
        assertThatThrownBy(() -> service.score(CRM, customer("tok-nobody")))
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("tok-nobody");
    }

    @Test
    void a_canary_takes_its_share_of_customers_and_the_same_customer_always_sees_the_same_version() {
        route(1, 1, 2, 20, List.of());
        int canary = 0;
        for (int i = 0; i < 2_000; i++) {
            table.put("tok-" + i, table.get("tok-ann"));
            int first = service.score(CRM, customer("tok-" + i)).modelVersion();
            assertThat(service.score(CRM, customer("tok-" + i)).modelVersion()).isEqualTo(first);
            canary += first == 2 ? 1 : 0;
        }
        assertThat(canary).isBetween(330, 470);
        // Growing the share keeps every canary customer on the canary.
        List<String> onCanary = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            if (service.score(CRM, customer("tok-" + i)).modelVersion() == 2) {
                onCanary.add("tok-" + i);
            }
        }
        route(2, 1, 2, 40, List.of());
        onCanary.forEach(token -> assertThat(service.score(CRM, customer(token)).modelVersion()).isEqualTo(2));
    }

    @Test
    void a_shadow_is_scored_beside_the_answer_and_logged_under_the_same_decision_never_returned() {
        route(1, 1, null, 0, List.of(3));
        ScoreAnswer answer = service.score(CRM, customer("tok-ann"));
        assertThat(answer.modelVersion()).isEqualTo(1);
        service.close();
        List<Decision> logged = DecisionLog.find(home.resolve("decisions"), answer.decisionId());
        assertThat(logged).extracting(Decision::kind, Decision::modelVersion)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("decision", 1), org.assertj.core.groups.Tuple.tuple("shadow", 3));
        assertThat(logged).filteredOn(d -> d.kind().equals("shadow")).singleElement()
                .satisfies(shadow -> assertThat(shadow.score()).isNotEqualTo(answer.score()));
    }

    @Test
    void features_in_the_request_are_checked_against_the_answering_model_and_refused_whole() throws Exception {
        route(1, 1, null, 0, List.of());
        ScoreCall bad = new ScoreCall("overdraft-40d", Optional.empty(), Optional.of(JSON.readTree("{\"balance_now\": \"NaN\"}")));
        assertThatThrownBy(() -> service.score(CRM, bad)).hasMessageContaining("overdraft-40d v1")
                .hasMessageContaining("missing is_student").hasMessageContaining("balance_now must be a number");
        assertThat(DecisionLog.files(home.resolve("decisions"))).isEmpty();
    }

    @Test
    void a_bundle_whose_bytes_changed_is_not_served_the_old_routing_keeps_serving_and_an_alert_says_why() {
        route(1, 1, null, 0, List.of());
        assertThat(service.router().readiness().ready()).isTrue();
        byte[] tampered = artifacts.get(v2).clone();
        tampered[tampered.length / 2] ^= 1;
        artifacts.put(v2, tampered);
        route(2, 2, null, 0, List.of());
        assertThat(service.score(CRM, customer("tok-ann")).modelVersion()).isEqualTo(1);
        assertThat(service.router().alerts()).singleElement().satisfies(alert -> assertThat(alert.message())
                .contains("routing revision 2 of overdraft-40d in PRODUCTION is not served").contains("still serving revision 1"));
        assertThat(service.router().readiness()).satisfies(readiness -> {
            assertThat(readiness.ready()).as("not ready while a routed version is not served").isFalse();
            assertThat(readiness.notServed()).containsExactly("overdraft-40d");
            assertThat(readiness.champions()).containsEntry("overdraft-40d", 1);
        });
    }

    @Test
    void a_rollback_is_a_swap_to_models_already_loaded() {
        route(1, 1, null, 0, List.of());
        ServedModel first = service.router().route("overdraft-40d").orElseThrow().champion();
        route(2, 2, null, 0, List.of());
        route(3, 1, null, 0, List.of());
        assertThat(service.score(CRM, customer("tok-ann")).modelVersion()).isEqualTo(1);
        assertThat(service.router().route("overdraft-40d").orElseThrow().champion().version()).isEqualTo(first.version());
    }
}
