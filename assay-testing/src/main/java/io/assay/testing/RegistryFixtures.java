package io.assay.testing;

import io.assay.core.access.Actor;
import io.assay.core.access.Role;
import io.assay.core.access.User;
import io.assay.core.registry.ArtifactRef;
import io.assay.core.registry.Decision;
import io.assay.core.registry.EvidenceDigest;
import io.assay.core.registry.GateResult;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.RegistryStore;
import io.assay.core.registry.TestResult;
import io.assay.core.registry.FeatureSpec;
import io.assay.core.registry.MetricSpec;
import io.assay.core.registry.MetricThreshold;
import io.assay.core.registry.ModelSignature;
import io.assay.core.registry.Provenance;
import io.assay.core.registry.ReviewPolicy;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.UseCase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tiny registry values for tests: a use case, a version's parts, the users of each role. */
public final class RegistryFixtures {
    public static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    public static final String ARTIFACT_SHA = "a".repeat(64);

    private RegistryFixtures() {}

    public static UseCase useCase(String name, RiskTier tier, List<String> requiredGates) {
        return new UseCase(name, "dana", "Which customers are likely to leave within a quarter.", tier,
                "Retention offers by relationship managers.", "Not for credit decisions.", List.of("crm-retention"),
                ReviewPolicy.allReviewers(requiredGates), true, NOW);
    }

    public static ArtifactRef artifact(String sha256) {
        return new ArtifactRef(sha256, 1234, "xgboost-json");
    }

    public static ModelSignature signature() {
        return new ModelSignature(List.of(
                new FeatureSpec("balance_trend_90d", FeatureSpec.Type.NUMERIC, Optional.of(-1e7), Optional.of(1e7), List.of()),
                new FeatureSpec("segment", FeatureSpec.Type.CATEGORICAL, Optional.empty(), Optional.empty(),
                        List.of("mass", "affluent", "student", "senior")),
                new FeatureSpec("has_mortgage", FeatureSpec.Type.BOOLEAN, Optional.empty(), Optional.empty(), List.of())),
                "churn_probability");
    }

    public static Provenance provenance() {
        return new Provenance("run-1", Map.of("transactions-2026-11-27-abc", "b".repeat(64)),
                Map.of("max_depth", "4", "eta", "0.1"), 7, Map.of("xgboost4j", "3.0.4", "java", "17"));
    }

    public static MetricSpec metricSpec() {
        return new MetricSpec(List.of(new MetricThreshold("auc", MetricThreshold.Comparison.AT_LEAST, 0.72),
                new MetricThreshold("brier", MetricThreshold.Comparison.AT_MOST, 0.2)));
    }

    public static User user(String name, Role... roles) {
        return new User(name, Set.of(roles), "admin", NOW, true);
    }

    /** Stores {@link #people()} and {@code useCase} in one transaction. */
    /**
     * A version 1 of {@code useCase} stored with {@code bundle} and routed as production's champion,
     * as training and the lifecycle leave it, for tests of the data plane.
     */
    public static void routedInProduction(RegistryStore store, String useCase, ArtifactRef bundle) {
        Instant now = Instant.now();
        store.inTransaction(tx -> {
            tx.insertVersion(ModelVersion.draft(useCase, 1, "dana", bundle, signature(), provenance(), metricSpec(), Optional.empty(), now));
            tx.saveRouting(new io.assay.core.registry.Routing(useCase, io.assay.core.registry.Environment.PRODUCTION, Optional.of(1),
                    Optional.empty(), 0, List.of(), 1, "mo", now, "champion v1"));
            return null;
        });
    }

    public static void seed(RegistryStore store, UseCase useCase) {
        store.inTransaction(tx -> {
            people().forEach(tx::insertUser);
            tx.insertUseCase(useCase);
            return null;
        });
    }

    /** The people {@link #testedVersion} involves, with the roles it needs. */
    public static List<User> people() {
        return List.of(user("dana", Role.DATA_SCIENTIST), user("leo", Role.LEGAL_REVIEWER), user("dora", Role.DATA_REVIEWER),
                user("cole", Role.COMPLIANCE_REVIEWER), user("mo", Role.MLOPS));
    }

    /**
     * A version walked to TESTED through the real policy (by dana, approved by leo, dora and cole,
     * tested by mo), for tests that need many of them fast; {@code useCase} requires gate "metrics".
     */
    public static ModelVersion testedVersion(UseCase useCase, int number) {
        LifecyclePolicy policy = new LifecyclePolicy();
        ModelVersion version = ModelVersion.draft(useCase.name(), number, "dana", artifact(ARTIFACT_SHA), signature(), provenance(),
                metricSpec(), Optional.empty(), NOW);
        version = policy.submit(version, actor("dana", Role.DATA_SCIENTIST), NOW).after();
        version = policy.attachEvidence(version, useCase, actor("mo", Role.MLOPS), new GateResult("metrics", true,
                Map.of("auc", 0.8), "gates 0.1", "mo", NOW), NOW).after();
        for (User reviewer : people().subList(1, 4)) {
            Role role = reviewer.roles().iterator().next();
            version = policy.review(version, useCase, Actor.of(reviewer), role, Decision.APPROVE, "ok", EvidenceDigest.of(version),
                    List.of(), NOW).after();
        }
        return policy.recordTest(version, actor("mo", Role.MLOPS), new TestResult("backtest", true, "ok", List.of(), "mo", NOW), NOW)
                .after();
    }

    private static Actor actor(String name, Role role) {
        return new Actor(name, Set.of(role));
    }
}
