package io.assay.testing;

import io.assay.core.access.Role;
import io.assay.core.access.User;
import io.assay.core.access.UserService;
import io.assay.core.audit.AuditVerifier;
import io.assay.core.error.AssayException;
import io.assay.core.registry.Decision;
import io.assay.core.registry.Environment;
import io.assay.core.registry.EvidenceDigest;
import io.assay.core.registry.Finding;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.Review;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.Routing;
import io.assay.core.registry.RoutingChange;
import io.assay.core.registry.RoutingPolicy;
import io.assay.core.registry.RoutingService;
import io.assay.core.registry.Stage;
import io.assay.core.registry.UseCase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of every lifecycle action, by random people holding random (and changing)
 * roles, against the real registry service: whatever happens, nothing reaches production
 * without its gates and its reviews, nobody approves their own work or under two roles, and
 * every attempt — allowed or refused — leaves exactly its audit events in an intact chain.
 */
class LifecyclePropertyTest {
    private static final List<String> PEOPLE = List.of("ann", "bob", "cat", "dan", "eve", "fay", "gus");
    private static final List<String> USE_CASES = List.of("alpha", "beta");
    private static final List<String> GATES = List.of("metrics", "bias_review", "latency");
    private static final String ADMIN = "root";

    @Property(tries = 10_000)
    void no_sequence_of_actions_breaks_the_governance_rules(@ForAll("chains") ActionChain<World> chain) {
        World end = chain.withInvariant("governance", World::checkInvariants).run();
        Statistics.label("furthest stage reached").collect(end.furthestStage());
        Statistics.label("routing at the end").collect(end.routingReached());
        // Guards against the property going vacuous: enough sequences must get all the way.
        Statistics.label("furthest stage reached").coverage(checker -> {
            checker.check(Stage.PRODUCTION).percentage(share -> share >= 0.3);
            checker.check(Stage.TESTED).percentage(share -> share >= 1);
        });
        Statistics.label("routing at the end").coverage(checker -> {
            checker.check("a production champion").percentage(share -> share >= 0.3);
            checker.check("a test champion").percentage(share -> share >= 0.5);
        });
    }

    /**
     * Half the time an action picks a fitting actor and the latest version at run time (the
     * author submits, a holder of a missing reviewer role reviews, MLOps tests and promotes), so
     * that sequences get far; the other half is anyone doing anything to any version.
     */
    @Provide
    Arbitrary<ActionChain<World>> chains() {
        Arbitrary<String> person = Arbitraries.of(PEOPLE);
        Arbitrary<String> useCase = Arbitraries.of(USE_CASES);
        Arbitrary<Integer> number = Arbitraries.integers().between(1, 3);
        Arbitrary<Boolean> fitting = Arbitraries.of(true, true, true, false);
        return ActionChain.startWith(World::new)
                .withAction(1, independent(Combinators.combine(person, useCase, fitting).as((who, uc, fit) ->
                        Transformer.mutate(actor(who, fit) + " registers a version of " + uc,
                                world -> world.register(world.pick(who, fit, Role.DATA_SCIENTIST, uc, 0), uc)))))
                .withAction(3, independent(Combinators.combine(person, useCase, number, fitting).as((who, uc, n, fit) ->
                        Transformer.mutate(actor(who, fit) + " submits " + version(uc, n, fit), world -> {
                            int target = world.target(uc, n, fit);
                            world.submit(fit ? world.authorOf(uc, target, who) : who, uc, target);
                        }))))
                .withAction(5, independent(Combinators.combine(person, useCase, number, fitting, Arbitraries.of(GATES),
                        Arbitraries.integers().between(0, 9)).as((who, uc, n, fit, gate, roll) ->
                        Transformer.mutate(actor(who, fit) + " attaches " + gate + (roll > 1 ? " pass" : " fail") + " to "
                                        + version(uc, n, fit),
                                world -> {
                                    int target = world.target(uc, n, fit);
                                    Optional<String> missing = world.missingGate(uc, target);
                                    if (!fit || missing.isPresent()) {
                                        world.evidence(world.pick(who, fit, Role.MLOPS, uc, target), uc, target,
                                                fit ? missing.get() : gate, roll > 1);
                                    }
                                }))))
                .withAction(8, independent(Combinators.combine(person, useCase, number, fitting, Arbitraries.of(Role.values()),
                        Arbitraries.integers().between(0, 19)).as((who, uc, n, fit, role, roll) ->
                        Transformer.mutate(actor(who, fit) + (roll > 0 ? " approves " : " rejects ") + version(uc, n, fit) + " as "
                                        + (fit ? "a missing reviewer role" : role) + (roll == 1 ? " (stale digest)" : ""),
                                world -> world.review(uc, world.target(uc, n, fit), who, role, fit,
                                        roll > 0 ? Decision.APPROVE : Decision.REJECT, roll == 1)))))
                .withAction(3, independent(Combinators.combine(person, useCase, number, fitting, Arbitraries.integers().between(0, 9))
                        .as((who, uc, n, fit, roll) -> Transformer.mutate(actor(who, fit) + " tests " + version(uc, n, fit)
                                        + (roll > 0 ? " pass" : " fail"), world -> {
                                    int target = world.target(uc, n, fit);
                                    world.test(world.pick(who, fit, Role.MLOPS, uc, target), uc, target, roll > 0);
                                }))))
                .withAction(3, independent(Combinators.combine(person, useCase, number, fitting).as((who, uc, n, fit) ->
                        Transformer.mutate(actor(who, fit) + " promotes " + version(uc, n, fit), world -> {
                            int target = world.target(uc, n, fit);
                            world.promote(world.pick(who, fit, Role.MLOPS, uc, target), uc, target);
                        }))))
                .withAction(1, independent(Combinators.combine(person, useCase, number).as((who, uc, n) ->
                        Transformer.mutate(who + " retires " + uc + " v" + n, world -> world.retire(who, uc, n)))))
                .withAction(2, independent(Combinators.combine(person, useCase, number, fitting, Arbitraries.of(Environment.values()))
                        .as((who, uc, n, fit, environment) -> Transformer.mutate(actor(who, fit) + " routes " + version(uc, n, fit)
                                + " in " + environment, world -> world.route(world.pick(who, fit, Role.MLOPS, uc, 0), uc, n, fit,
                                environment)))))
                .withAction(1, independent(Combinators.combine(person, Arbitraries.subsetOf(Role.values()).ofMinSize(1).ofMaxSize(3))
                        .as((who, roles) -> Transformer.mutate("roles of " + who + " become " + roles,
                                world -> world.setRoles(who, roles)))))
                .withMaxTransformations(40);
    }

    private static String actor(String who, boolean fitting) {
        return fitting ? "someone fitting (else " + who + ")" : who;
    }

    private static String version(String useCase, int number, boolean fitting) {
        return fitting ? "the furthest " + useCase : useCase + " v" + number;
    }

    private static Action.Independent<World> independent(Arbitrary<Transformer<World>> transformers) {
        return () -> transformers;
    }

    /** The registry under test, and what the test knows should have happened. */
    static final class World {
        private final SettableClock clock = new SettableClock(RegistryFixtures.NOW, ZoneOffset.UTC);
        private final InMemoryRegistryStore store = new InMemoryRegistryStore();
        private final ModelRegistry registry = new ModelRegistry(store, new LifecyclePolicy(), clock);
        private final UserService users = new UserService(store, clock);
        private final RoutingService routing = new RoutingService(store, new RoutingPolicy(), clock);
        private final Map<String, UseCase> useCases = new HashMap<>();
        private long expectedAuditEvents;
        private long routedByHand;

        World() {
            users.bootstrapAdmin(ADMIN);
            expectedAuditEvents = 1;
            Map<String, Set<Role>> roles = Map.of(
                    "ann", EnumSet.of(Role.DATA_SCIENTIST),
                    "bob", EnumSet.of(Role.DATA_SCIENTIST, Role.LEGAL_REVIEWER),
                    "cat", EnumSet.of(Role.LEGAL_REVIEWER, Role.DATA_REVIEWER),
                    "dan", EnumSet.of(Role.COMPLIANCE_REVIEWER, Role.AUDITOR),
                    "eve", EnumSet.of(Role.MLOPS, Role.DATA_REVIEWER),
                    "fay", EnumSet.of(Role.MLOPS, Role.ADMIN),
                    "gus", EnumSet.of(Role.DATA_SCIENTIST, Role.MLOPS));
            roles.forEach((name, held) -> attempt(() -> users.addUser(ADMIN, name, held, "setup")));
            for (String name : USE_CASES) {
                UseCase useCase = RegistryFixtures.useCase(name, name.equals("beta") ? RiskTier.HIGH : RiskTier.LOW,
                        name.equals("beta") ? List.of("metrics", "bias_review") : List.of("metrics"));
                useCases.put(name, useCase);
                attempt(() -> registry.registerUseCase("ann", useCase, "setup"));
                register("ann", name);
            }
        }

        void register(String who, String useCase) {
            attempt(() -> registry.registerVersion(who, useCase, RegistryFixtures.artifact(RegistryFixtures.ARTIFACT_SHA),
                    RegistryFixtures.signature(), RegistryFixtures.provenance(), RegistryFixtures.metricSpec(), Optional.empty(), "r"));
        }

        void submit(String who, String useCase, int number) {
            attempt(() -> registry.submit(who, useCase, number, "r"));
        }

        void evidence(String who, String useCase, int number, String gate, boolean passed) {
            // The metrics gate is judged from its figures (the fixtures' spec: AUC at least 0.72, Brier at most 0.2).
            Map<String, Double> figures = gate.equals("metrics") ? Map.of("auc", passed ? 0.8 : 0.4, "brier", 0.1)
                    : Map.of("score", passed ? 0.8 : 0.4);
            attempt(() -> registry.attachEvidence(who, useCase, number, gate, passed, figures, "gates-test", "r"));
        }

        /** When {@code fitting}, the use case's furthest version that is not final (the latest of equals), else {@code number}. */
        int target(String useCase, int number, boolean fitting) {
            if (!fitting) {
                return number;
            }
            return store.listVersions(useCase).stream().filter(v -> !v.stage().isFinal())
                    .max(java.util.Comparator.comparing(ModelVersion::stage).thenComparingInt(ModelVersion::number))
                    .map(ModelVersion::number).orElse(number);
        }

        /** A required gate of the version that has not passed yet. */
        Optional<String> missingGate(String useCase, int number) {
            return store.findVersion(useCase, number).flatMap(version -> useCases.get(useCase).reviewPolicy().requiredGates().stream()
                    .filter(gate -> version.latestResultOf(gate).filter(result -> result.passed()).isEmpty()).findFirst());
        }

        String authorOf(String useCase, int number, String fallback) {
            return store.findVersion(useCase, number).map(ModelVersion::author).orElse(fallback);
        }

        /** When {@code fitting}: someone holding {@code role} who is not the version's author; else (or if none) {@code who}. */
        String pick(String who, boolean fitting, Role role, String useCase, int number) {
            if (!fitting) {
                return who;
            }
            String author = authorOf(useCase, number, "");
            return store.listUsers().stream().filter(user -> user.holds(role) && !user.name().equals(author))
                    .map(User::name).findFirst().orElse(who);
        }

        void review(String useCase, int number, String who, Role role, boolean fitting, Decision decision, boolean staleDigest) {
            if (fitting) {
                Optional<ModelVersion> version = store.findVersion(useCase, number);
                Set<Role> missing = version.map(v -> LifecyclePolicy.outstandingApprovals(v, useCases.get(useCase), (r, held) -> true))
                        .orElse(Set.of());
                String author = version.map(ModelVersion::author).orElse("");
                for (User user : store.listUsers()) {
                    Optional<Role> fits = missing.stream().filter(user::holds).findFirst();
                    boolean approvedOtherRole = version.map(v -> v.reviews().stream().anyMatch(r -> r.reviewer().equals(user.name())
                            && r.decision() == Decision.APPROVE)).orElse(false);
                    if (fits.isPresent() && !user.name().equals(author) && !approvedOtherRole) {
                        review(user.name(), useCase, number, fits.get(), decision, staleDigest);
                        return;
                    }
                }
            }
            review(who, useCase, number, role, decision, staleDigest);
        }

        void review(String who, String useCase, int number, Role role, Decision decision, boolean staleDigest) {
            String digest = staleDigest ? "f".repeat(64)
                    : store.findVersion(useCase, number).map(EvidenceDigest::of).orElse("e".repeat(64));
            List<Finding> findings = decision == Decision.REJECT ? List.of(Finding.of("fix it")) : List.of();
            attempt(() -> registry.review(who, useCase, number, role, decision, "looked at it", digest, findings, "r"));
        }

        String routingReached() {
            List<Routing> all = USE_CASES.stream().flatMap(name -> store.listRouting(name).stream()).toList();
            if (all.stream().anyMatch(r -> r.canary().isPresent())) {
                return "a canary";
            }
            if (all.stream().anyMatch(r -> r.environment() == Environment.PRODUCTION && r.champion().isPresent())) {
                return "a production champion";
            }
            return all.stream().anyMatch(r -> r.champion().isPresent()) ? "a test champion" : "nothing routed";
        }

        Stage furthestStage() {
            return USE_CASES.stream().flatMap(name -> store.listVersions(name).stream()).map(ModelVersion::stage)
                    .filter(stage -> stage != Stage.RETIRED && stage != Stage.SENT_BACK)
                    .max(Enum::compareTo).orElse(Stage.DRAFT);
        }

        void test(String who, String useCase, int number, boolean passed) {
            attempt(() -> registry.recordTest(who, useCase, number, "backtest", passed, "out-of-time",
                    passed ? List.of() : List.of(Finding.of("unstable")), "r"));
        }

        void promote(String who, String useCase, int number) {
            Optional<ModelVersion> champion = store.listVersions(useCase).stream().filter(v -> v.stage() == Stage.PRODUCTION).findFirst();
            Map<String, Set<Role>> rolesBefore = new HashMap<>();
            store.listUsers().forEach(user -> rolesBefore.put(user.name(), user.effectiveRoles()));
            Optional<Integer> replaces = champion.map(ModelVersion::number);
            boolean promoted = attempt(() -> registry.promote(who, useCase, number, replaces, "r"));
            if (promoted) {
                champion.filter(c -> c.number() != number).ifPresent(c -> expectedAuditEvents++);
                ModelVersion version = store.findVersion(useCase, number).orElseThrow();
                assertThat(rolesBefore.get(who)).as("promoter's roles").contains(Role.MLOPS);
                assertThat(who).as("promoter").isNotEqualTo(version.author());
                assertThat(LifecyclePolicy.outstandingApprovals(version, useCases.get(useCase),
                        (reviewer, role) -> rolesBefore.getOrDefault(reviewer, Set.of()).contains(role)))
                        .as("approvals valid at the moment of promotion").isEmpty();
            }
        }

        /**
         * When {@code fitting}: production gets its PRODUCTION version as champion and a TESTED one as a
         * 10% canary; the test environment gets the furthest version. Else version {@code number} as champion.
         */
        void route(String who, String useCase, int number, boolean fitting, Environment environment) {
            List<ModelVersion> versions = store.listVersions(useCase);
            Optional<Integer> champion = Optional.of(number);
            Optional<Integer> canary = Optional.empty();
            if (fitting && environment == Environment.PRODUCTION) {
                champion = versions.stream().filter(v -> v.stage() == Stage.PRODUCTION).map(ModelVersion::number).findFirst();
                canary = champion.flatMap(c -> versions.stream().filter(v -> v.stage() == Stage.TESTED).map(ModelVersion::number)
                        .findFirst());
            } else if (fitting) {
                champion = Optional.of(target(useCase, number, true));
            }
            RoutingChange change = new RoutingChange(champion, canary, canary.isPresent() ? 10 : 0, List.of(), Optional.empty());
            if (attempt(() -> routing.change(who, useCase, environment, change, "r"))) {
                routedByHand++;
            }
        }

        void retire(String who, String useCase, int number) {
            attempt(() -> registry.retire(who, useCase, number, "no longer needed", "r"));
        }

        void setRoles(String who, Set<Role> roles) {
            attempt(() -> users.setRoles("fay", who, roles, "r"));
        }

        /** Runs one attempt: allowed or refused with an AssayException, it leaves one audit event (or a known number). */
        private boolean attempt(Runnable action) {
            clock.advance(Duration.ofSeconds(1));
            expectedAuditEvents++;
            try {
                action.run();
                return true;
            } catch (AssayException refused) {
                return false;
            }
        }

        void checkInvariants() {
            for (String name : USE_CASES) {
                List<ModelVersion> versions = store.listVersions(name);
                assertThat(versions.stream().filter(v -> v.stage() == Stage.PRODUCTION).count())
                        .as("versions of %s in production", name).isLessThanOrEqualTo(1);
                for (ModelVersion version : versions) {
                    checkVersion(version, useCases.get(name));
                }
            }
            long routingChanges = 0;
            for (String name : USE_CASES) {
                for (Routing routed : store.listRouting(name)) {
                    checkRouting(routed, store.listVersions(name));
                    routingChanges += routed.revision();
                }
            }
            AuditVerifier verifier = AuditVerifier.create();
            store.scanAudit(1, Long.MAX_VALUE, verifier);
            assertThat(verifier.result().intact()).as("audit chain: %s", verifier.result().problem()).isTrue();
            // One event per attempt, plus one per routing change the lifecycle made on its own (promotion, withdrawal).
            assertThat(verifier.result().eventsChecked()).as("audit events, one per attempt and routing change")
                    .isEqualTo(expectedAuditEvents + routingChanges - routedByHand);
        }

        /** Routing never points at a version its stage keeps out, and production's champion is its PRODUCTION version. */
        private static void checkRouting(Routing routed, List<ModelVersion> versions) {
            Map<Integer, Stage> stages = new HashMap<>();
            versions.forEach(v -> stages.put(v.number(), v.stage()));
            routed.champion().ifPresent(v -> assertThat(routed.environment().mayServe(stages.get(v)))
                    .as("%s champion v%d is %s", routed.subject(), v, stages.get(v)).isTrue());
            routed.canary().ifPresent(v -> assertThat(routed.environment().mayChallenge(stages.get(v)))
                    .as("%s canary v%d is %s", routed.subject(), v, stages.get(v)).isTrue());
            routed.shadows().forEach(v -> assertThat(routed.environment().mayChallenge(stages.get(v)))
                    .as("%s shadow v%d is %s", routed.subject(), v, stages.get(v)).isTrue());
        }

        private void checkVersion(ModelVersion version, UseCase useCase) {
            version.evidence().forEach(result -> assertThat(result.recordedBy()).as("evidence of %s", version.label())
                    .isNotEqualTo(version.author()));
            for (Review review : version.reviews()) {
                assertThat(review.reviewer()).as("reviewer of %s", version.label()).isNotEqualTo(version.author());
                assertThat(useCase.requiresApprovalBy(review.role())).as("review role").isTrue();
            }
            Map<String, Set<Role>> approvedAs = new HashMap<>();
            version.reviews().stream().filter(r -> r.decision() == Decision.APPROVE)
                    .forEach(r -> approvedAs.computeIfAbsent(r.reviewer(), x -> EnumSet.noneOf(Role.class)).add(r.role()));
            approvedAs.forEach((reviewer, roles) -> assertThat(roles).as("roles %s approved %s under", reviewer, version.label())
                    .hasSize(1));
            boolean gatesPassed = LifecyclePolicy.missingGates(version, useCase).isEmpty();
            boolean approved = LifecyclePolicy.outstandingApprovals(version, useCase, (reviewer, role) -> true).isEmpty();
            switch (version.stage()) {
                case VALIDATED -> assertThat(gatesPassed).as("%s VALIDATED with its gates passed", version.label()).isTrue();
                case APPROVED, TESTED, PRODUCTION -> {
                    assertThat(gatesPassed).as("%s %s with its gates passed", version.label(), version.stage()).isTrue();
                    assertThat(approved).as("%s %s with every approval on its digest", version.label(), version.stage()).isTrue();
                }
                case SENT_BACK -> assertThat(version.findings()).as("findings of sent-back %s", version.label()).isNotEmpty();
                case DRAFT, CANDIDATE, RETIRED -> {
                    // nothing more to hold: a draft or candidate has not earned anything yet, and retired is final
                }
            }
            if (version.stage() == Stage.TESTED || version.stage() == Stage.PRODUCTION) {
                assertThat(version.tests()).as("tests of %s", version.label()).anyMatch(t -> t.passed());
            }
        }
    }

    @Property(tries = 200)
    void a_user_without_roles_can_do_nothing(@ForAll("nobodyActions") String action) {
        World world = new World();
        world.users.setRoles("fay", "ann", Set.of(Role.AUDITOR), "r");
        Optional<User> ann = world.store.findUser("ann");
        assertThat(ann).map(User::roles).contains(Set.of(Role.AUDITOR));
        world.expectedAuditEvents++;
        switch (action) {
            case "register" -> world.register("ann", "alpha");
            case "promote" -> world.promote("ann", "alpha", 1);
            default -> world.review("ann", "alpha", 1, Role.LEGAL_REVIEWER, Decision.APPROVE, false);
        }
        assertThat(world.store.listVersions("alpha")).singleElement()
                .satisfies(version -> assertThat(version.stage()).isEqualTo(Stage.DRAFT))
                .satisfies(version -> assertThat(version.reviews()).isEmpty());
        world.checkInvariants();
    }

    @Provide
    Arbitrary<String> nobodyActions() {
        return Arbitraries.of("register", "promote", "review");
    }
}
