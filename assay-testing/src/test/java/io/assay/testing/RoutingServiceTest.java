package io.assay.testing;

import io.assay.core.access.Role;
import io.assay.core.access.UserService;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.Environment;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.Routing;
import io.assay.core.registry.RoutingChange;
import io.assay.core.registry.RoutingPolicy;
import io.assay.core.registry.RoutingService;
import io.assay.core.registry.Stage;
import io.assay.core.registry.UseCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing per environment, kept apart from the stage but never pointing at a version governance took away. */
class RoutingServiceTest {
    private final InMemoryRegistryStore store = new InMemoryRegistryStore();
    private final Clock clock = Clock.fixed(RegistryFixtures.NOW, ZoneOffset.UTC);
    private final ModelRegistry registry = new ModelRegistry(store, new LifecyclePolicy(), clock);
    private final RoutingService routing = new RoutingService(store, new RoutingPolicy(), clock);

    @BeforeEach
    void twoTestedVersions() {
        UseCase churn = RegistryFixtures.useCase("churn", RiskTier.HIGH, List.of("metrics"));
        RegistryFixtures.seed(store, churn);
        store.inTransaction(tx -> {
            tx.insertVersion(RegistryFixtures.testedVersion(churn, 1));
            tx.insertVersion(RegistryFixtures.testedVersion(churn, 2));
            return null;
        });
    }

    @Test
    void nothing_is_routed_until_mlops_routes_it_and_only_mlops_may() {
        assertThat(routing.routing("mo", "churn")).extracting(Routing::describe).containsExactly("nothing routed", "nothing routed");
        assertCode(() -> routing.change("dana", "churn", Environment.TEST, champion(1), "r"), ErrorCode.ROLE_REQUIRED);

        Routing routed = routing.change("mo", "churn", Environment.TEST, champion(1), "r");
        assertThat(routed.describe()).isEqualTo("champion v1");
        assertThat(store.auditOf("routing:churn/test")).extracting(event -> event.entry().after())
                .containsExactly("-", "champion v1");
    }

    @Test
    void production_serves_only_its_production_version_and_canaries_only_tested_ones() {
        assertCode(() -> routing.change("mo", "churn", Environment.PRODUCTION, champion(1), "r"), ErrorCode.NOT_ROUTABLE);
        registry.promote("mo", "churn", 1, Optional.empty(), "r");
        assertThat(routing.routing("mo", "churn").get(1).describe()).isEqualTo("champion v1");

        Routing canary = routing.change("mo", "churn", Environment.PRODUCTION,
                new RoutingChange(Optional.of(1), Optional.of(2), 10, List.of(), Optional.of(1L)), "r");
        assertThat(canary.describe()).isEqualTo("champion v1, canary v2 at 10%");
        assertCode(() -> routing.change("mo", "churn", Environment.PRODUCTION,
                new RoutingChange(Optional.of(1), Optional.of(2), 60, List.of(), Optional.empty()), "r"), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> routing.change("mo", "churn", Environment.PRODUCTION,
                new RoutingChange(Optional.empty(), Optional.of(2), 10, List.of(), Optional.empty()), "r"), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> routing.change("mo", "churn", Environment.PRODUCTION, champion(2), "r"), ErrorCode.NOT_ROUTABLE);
    }

    @Test
    void a_production_canary_meets_what_promotion_demands_its_approvals_still_held_and_not_routed_by_its_author() {
        registry.promote("mo", "churn", 1, Optional.empty(), "r");
        RoutingChange canaryOfTwo = new RoutingChange(Optional.of(1), Optional.of(2), 10, List.of(), Optional.empty());
        UserService users = new UserService(store, clock);
        store.inTransaction(tx -> {
            tx.insertUser(RegistryFixtures.user("root", Role.ADMIN));
            return null;
        });
        users.setRoles("root", "leo", java.util.Set.of(Role.AUDITOR), "r");
        assertCode(() -> routing.change("mo", "churn", Environment.PRODUCTION, canaryOfTwo, "r"), ErrorCode.APPROVALS_INCOMPLETE);

        users.setRoles("root", "leo", java.util.Set.of(Role.LEGAL_REVIEWER), "r");
        users.setRoles("root", "dana", java.util.Set.of(Role.DATA_SCIENTIST, Role.MLOPS), "r");
        assertCode(() -> routing.change("dana", "churn", Environment.PRODUCTION, canaryOfTwo, "r"), ErrorCode.SEGREGATION_OF_DUTIES);
        assertThat(routing.change("mo", "churn", Environment.PRODUCTION, canaryOfTwo, "r").describe())
                .isEqualTo("champion v1, canary v2 at 10%");
    }

    @Test
    void a_change_made_on_an_old_look_is_refused() {
        routing.change("mo", "churn", Environment.TEST, champion(1), "r");
        routing.change("mo", "churn", Environment.TEST, champion(2), "r");
        assertCode(() -> routing.change("mo", "churn", Environment.TEST,
                new RoutingChange(Optional.of(1), Optional.empty(), 0, List.of(), Optional.of(1L)), "r"), ErrorCode.CONCURRENT_CHANGE);
        assertThat(routing.routing("mo", "churn").get(0).describe()).isEqualTo("champion v2");
    }

    @Test
    void a_promotion_takes_over_production_and_the_superseded_version_leaves_every_environment() {
        routing.change("mo", "churn", Environment.TEST, new RoutingChange(Optional.of(1), Optional.empty(), 0, List.of(2),
                Optional.empty()), "r");
        registry.promote("mo", "churn", 1, Optional.empty(), "r");
        routing.change("mo", "churn", Environment.PRODUCTION,
                new RoutingChange(Optional.of(1), Optional.of(2), 5, List.of(), Optional.empty()), "r");

        registry.promote("mo", "churn", 2, Optional.of(1), "r");

        Map<Environment, Routing> after = Map.of(Environment.TEST, routing.routing("mo", "churn").get(0),
                Environment.PRODUCTION, routing.routing("mo", "churn").get(1));
        assertThat(after.get(Environment.PRODUCTION).describe()).isEqualTo("champion v2");
        assertThat(after.get(Environment.PRODUCTION).reason()).contains("churn v2 promoted");
        assertThat(after.get(Environment.TEST).describe()).isEqualTo("shadows [v2]");
        assertThat(after.get(Environment.TEST).reason()).contains("churn v1 is RETIRED and was withdrawn from TEST");
        assertThat(store.findVersion("churn", 1).orElseThrow().stage()).isEqualTo(Stage.RETIRED);
    }

    @Test
    void new_evidence_that_drops_a_canary_back_withdraws_it_in_the_same_step() {
        registry.promote("mo", "churn", 1, Optional.empty(), "r");
        routing.change("mo", "churn", Environment.PRODUCTION,
                new RoutingChange(Optional.of(1), Optional.of(2), 20, List.of(), Optional.empty()), "r");

        registry.attachEvidence("mo", "churn", 2, "bias_review", true, Map.of(), "gates 0.1", "r");

        assertThat(store.findVersion("churn", 2).orElseThrow().stage()).isNotEqualTo(Stage.TESTED);
        assertThat(routing.routing("mo", "churn").get(1).describe()).isEqualTo("champion v1");
        assertThat(store.auditOf("routing:churn/production")).last().satisfies(event ->
                assertThat(event.entry().reason()).contains("churn v2 is").contains("withdrawn from PRODUCTION"));
    }

    private static RoutingChange champion(int number) {
        return new RoutingChange(Optional.of(number), Optional.empty(), 0, List.of(), Optional.empty());
    }

    private static void assertCode(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
