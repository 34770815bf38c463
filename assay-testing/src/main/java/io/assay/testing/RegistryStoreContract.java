package io.assay.testing;

import io.assay.core.access.Actor;
import io.assay.core.access.ApiToken;
import io.assay.core.access.Role;
import io.assay.core.access.User;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;
import io.assay.core.audit.AuditVerifier;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.Decision;
import io.assay.core.registry.Environment;
import io.assay.core.registry.EvidenceDigest;
import io.assay.core.registry.Finding;
import io.assay.core.registry.GateResult;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.RegistryStore;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.Routing;
import io.assay.core.registry.Stage;
import io.assay.core.registry.UseCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.assay.testing.RegistryFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link RegistryStore} does; extended once per implementation (in memory, SQLite, PostgreSQL). */
public abstract class RegistryStoreContract {
    private static final LifecyclePolicy POLICY = new LifecyclePolicy();
    private static final Actor DANA = new Actor("dana", Set.of(Role.DATA_SCIENTIST));
    private static final Actor LEO = new Actor("leo", Set.of(Role.LEGAL_REVIEWER));
    private static final Actor MO = new Actor("mo", Set.of(Role.MLOPS));

    protected RegistryStore store;

    /** A new, empty store for each test. */
    protected abstract RegistryStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void users_come_back_with_their_roles_and_can_be_changed() {
        User alice = RegistryFixtures.user("alice", Role.LEGAL_REVIEWER, Role.AUDITOR);
        store.inTransaction(tx -> {
            tx.insertUser(alice);
            return null;
        });

        assertThat(store.findUser("alice")).contains(alice);
        assertCode(() -> store.inTransaction(tx -> {
            tx.insertUser(alice);
            return null;
        }), ErrorCode.ALREADY_EXISTS);

        User demoted = alice.withRoles(Set.of(Role.AUDITOR)).withActive(false);
        store.inTransaction(tx -> {
            tx.updateUser(demoted);
            return null;
        });
        assertThat(store.findUser("alice")).contains(demoted);
        assertThat(store.listUsers()).containsExactly(demoted);
        assertCode(() -> store.inTransaction(tx -> {
            tx.updateUser(RegistryFixtures.user("nobody", Role.APP));
            return null;
        }), ErrorCode.NOT_FOUND);
    }

    @Test
    void a_token_comes_back_field_for_field_and_can_be_revoked() {
        store.inTransaction(tx -> {
            tx.insertUser(RegistryFixtures.user("app", Role.APP));
            return null;
        });
        ApiToken token = new ApiToken("0123456789abcdef", "app", "crm <prod>", "c".repeat(64), "root", NOW, Optional.of(NOW.plusSeconds(3600)),
                Optional.empty());
        store.inTransaction(tx -> {
            tx.insertToken(token);
            return null;
        });

        assertThat(store.findToken("0123456789abcdef")).contains(token);
        assertCode(() -> store.inTransaction(tx -> {
            tx.insertToken(token);
            return null;
        }), ErrorCode.ALREADY_EXISTS);
        ApiToken revoked = token.withRevokedAt(NOW.plusSeconds(60));
        store.inTransaction(tx -> {
            tx.updateToken(revoked);
            return null;
        });
        assertThat(store.listTokens(Optional.of("app"))).containsExactly(revoked);
        assertThat(store.listTokens(Optional.of("nobody"))).isEmpty();
    }

    @Test
    void a_use_case_comes_back_field_for_field_and_its_name_is_taken_once() {
        UseCase churn = RegistryFixtures.useCase("churn", RiskTier.HIGH, List.of("metrics", "fairness"));
        insert(churn);

        assertThat(store.findUseCase("churn")).contains(churn);
        assertThat(store.listUseCases()).containsExactly(churn);
        assertThat(store.findUseCase("mortgage")).isEmpty();
        assertCode(() -> insert(churn), ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void a_version_with_evidence_reviews_tests_and_findings_comes_back_field_for_field() {
        UseCase churn = RegistryFixtures.useCase("churn", RiskTier.MEDIUM, List.of("metrics"));
        insert(churn);
        ModelVersion draft = draft(churn, 1);
        insertVersion(draft);
        ModelVersion candidate = update(POLICY.submit(draft, DANA, NOW).after());
        ModelVersion validated = update(POLICY.attachEvidence(candidate, churn, MO, new GateResult("metrics", true,
                Map.of("auc", 0.7712345678901234, "brier", 0.1), "assay-gates 0.1", "mo", NOW.plusNanos(123_000)), NOW).after());
        ModelVersion reviewed = update(POLICY.review(validated, churn, LEO, Role.LEGAL_REVIEWER, Decision.APPROVE, "Fine <b>by</b> legal",
                EvidenceDigest.of(validated), List.of(), NOW).after());

        ModelVersion loaded = store.findVersion("churn", 1).orElseThrow();

        assertThat(loaded).isEqualTo(reviewed);
        assertThat(EvidenceDigest.of(loaded)).isEqualTo(EvidenceDigest.of(reviewed));
        assertThat(store.listVersions("churn")).containsExactly(reviewed);
        assertThat(store.findVersion("churn", 2)).isEmpty();
    }

    @Test
    void a_sent_back_version_keeps_its_findings_and_a_rework_names_it() {
        UseCase churn = RegistryFixtures.useCase("churn", RiskTier.LOW, List.of());
        insert(churn);
        ModelVersion candidate = update(POLICY.submit(insertVersion(draft(churn, 1)), DANA, NOW).after());
        ModelVersion sentBack = update(POLICY.review(candidate, churn, LEO, Role.LEGAL_REVIEWER, Decision.REJECT, "Purpose unclear",
                EvidenceDigest.of(candidate), List.of(new Finding("State the retention offer", Optional.of("metrics")),
                        Finding.of("Drop postcode")), NOW).after());
        ModelVersion rework = ModelVersion.draft("churn", 2, "dana", RegistryFixtures.artifact("c".repeat(64)),
                RegistryFixtures.signature(), RegistryFixtures.provenance(), RegistryFixtures.metricSpec(), Optional.of(1), NOW);
        insertVersion(rework);

        assertThat(store.findVersion("churn", 1).orElseThrow().findings()).isEqualTo(sentBack.findings()).hasSize(2);
        assertThat(store.findVersion("churn", 2).orElseThrow().reworks()).contains(1);
        int nextOfChurn = store.inTransaction(tx -> tx.nextVersionNumber("churn"));
        int nextOfMortgage = store.inTransaction(tx -> tx.nextVersionNumber("mortgage"));
        assertThat(nextOfChurn).isEqualTo(3);
        assertThat(nextOfMortgage).isEqualTo(1);
    }

    @Test
    void a_stale_revision_is_a_conflict_and_changes_nothing() {
        UseCase churn = RegistryFixtures.useCase("churn", RiskTier.LOW, List.of());
        insert(churn);
        ModelVersion draft = insertVersion(draft(churn, 1));
        ModelVersion submitted = update(POLICY.submit(draft, DANA, NOW).after());

        assertCode(() -> update(POLICY.submit(draft, DANA, NOW.plusSeconds(1)).after()), ErrorCode.CONCURRENT_CHANGE);
        assertThat(store.findVersion("churn", 1)).contains(submitted);
    }

    @Test
    void a_use_case_has_at_most_one_version_in_production() {
        UseCase churn = RegistryFixtures.useCase("churn", RiskTier.LOW, List.of());
        insert(churn);
        ModelVersion first = insertVersion(draft(churn, 1));
        ModelVersion second = insertVersion(draft(churn, 2));
        update(forcedStage(first, Stage.PRODUCTION));

        assertCode(() -> update(forcedStage(second, Stage.PRODUCTION)), ErrorCode.CONCURRENT_CHANGE);
        assertThat(store.findVersion("churn", 2).orElseThrow().stage()).isEqualTo(Stage.DRAFT);
        Optional<ModelVersion> inProduction = store.inTransaction(tx -> tx.findVersionInStage("churn", Stage.PRODUCTION));
        assertThat(inProduction).map(ModelVersion::number).contains(1);
    }

    @Test
    void a_failed_transaction_leaves_neither_state_nor_audit_behind() {
        UseCase churn = RegistryFixtures.useCase("churn", RiskTier.LOW, List.of());
        appendAudit("first");

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.insertUseCase(churn);
            tx.appendAudit(entry("second"));
            throw new IllegalStateException("crash before commit");
        })).hasMessage("crash before commit");

        assertThat(store.findUseCase("churn")).isEmpty();
        assertThat(store.auditHead()).map(AuditEvent::sequence).contains(1L);
        assertThat(appendAudit("third").sequence()).isEqualTo(2);
    }

    @Test
    void audit_events_come_back_in_order_linked_into_an_intact_chain() {
        for (int i = 0; i < 25; i++) {
            appendAudit("event " + i);
        }
        List<AuditEvent> events = new ArrayList<>();
        store.scanAudit(1, Long.MAX_VALUE, events::add);
        AuditVerifier verifier = AuditVerifier.create();
        events.forEach(verifier);

        assertThat(events).extracting(AuditEvent::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
        assertThat(events.get(3).entry()).isEqualTo(entry("event 3"));
        assertThat(verifier.result().intact()).isTrue();
        assertThat(store.auditHead()).contains(events.get(24));
        assertThat(store.auditOf("model:churn/v1")).hasSize(25);
        List<AuditEvent> middle = new ArrayList<>();
        store.scanAudit(10, 12, middle::add);
        assertThat(middle).extracting(AuditEvent::sequence).containsExactly(10L, 11L, 12L);
    }

    @Test
    void concurrent_appends_never_fork_the_chain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int t = thread;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        appendAudit("thread " + t + " event " + i);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditVerifier verifier = AuditVerifier.create();
        store.scanAudit(1, Long.MAX_VALUE, verifier);

        assertThat(verifier.result().intact()).isTrue();
        assertThat(verifier.result().eventsChecked()).isEqualTo(200);
    }

    @Test
    void a_routing_comes_back_field_for_field_and_a_stale_revision_is_a_conflict() {
        UseCase churn = RegistryFixtures.useCase("churn", RiskTier.LOW, List.of());
        insert(churn);
        for (int number = 1; number <= 4; number++) {
            insertVersion(draft(churn, number));
        }
        Routing first = new Routing("churn", Environment.PRODUCTION, Optional.of(1), Optional.of(2), 10, List.of(3, 4), 1, "mo",
                NOW, "routed by mo");
        saveRouting(first);
        assertThat(store.listRouting("churn")).containsExactly(first);
        Optional<Routing> neverRouted = store.inTransaction(tx -> tx.findRouting("churn", Environment.TEST));
        assertThat(neverRouted).isEmpty();

        Routing second = new Routing("churn", Environment.PRODUCTION, Optional.of(2), Optional.empty(), 0, List.of(), 2, "mo",
                NOW.plusSeconds(1), "v2 promoted");
        saveRouting(second);
        assertCode(() -> saveRouting(first), ErrorCode.CONCURRENT_CHANGE);
        assertCode(() -> saveRouting(second), ErrorCode.CONCURRENT_CHANGE);
        Routing test = new Routing("churn", Environment.TEST, Optional.of(3), Optional.empty(), 0, List.of(), 1, "mo", NOW, "tried");
        saveRouting(test);
        assertThat(store.listRouting("churn")).containsExactlyInAnyOrder(second, test);
    }

    @Test
    void an_objection_comes_back_field_for_field_once_per_customer_and_goes_when_deleted() {
        io.assay.core.registry.Objection ann = new io.assay.core.registry.Objection("tok-ann", "stella", NOW, "letter of 2026-11-30");
        io.assay.core.registry.Objection bob = new io.assay.core.registry.Objection("tok-bob", "stella", NOW.plusSeconds(1), "phone");
        store.inTransaction(tx -> {
            tx.insertObjection(bob);
            tx.insertObjection(ann);
            return null;
        });

        assertThat(store.listObjections()).containsExactly(ann, bob);
        assertCode(() -> store.inTransaction(tx -> {
            tx.insertObjection(ann);
            return null;
        }), ErrorCode.ALREADY_EXISTS);
        store.inTransaction(tx -> {
            tx.deleteObjection("tok-ann");
            return null;
        });
        assertThat(store.listObjections()).containsExactly(bob);
        Optional<io.assay.core.registry.Objection> withdrawn = store.inTransaction(tx -> tx.findObjection("tok-ann"));
        assertThat(withdrawn).isEmpty();
    }

    private void saveRouting(Routing routing) {
        store.inTransaction(tx -> {
            tx.saveRouting(routing);
            return null;
        });
    }

    private void insert(UseCase useCase) {
        store.inTransaction(tx -> {
            tx.insertUseCase(useCase);
            return null;
        });
    }

    private ModelVersion insertVersion(ModelVersion version) {
        store.inTransaction(tx -> {
            tx.insertVersion(version);
            return null;
        });
        return version;
    }

    private ModelVersion update(ModelVersion after) {
        store.inTransaction(tx -> {
            tx.updateVersion(after);
            return null;
        });
        return after;
    }

    private static ModelVersion draft(UseCase useCase, int number) {
        return ModelVersion.draft(useCase.name(), number, "dana", RegistryFixtures.artifact(RegistryFixtures.ARTIFACT_SHA),
                RegistryFixtures.signature(), RegistryFixtures.provenance(), RegistryFixtures.metricSpec(), Optional.empty(), NOW);
    }

    /** A version moved straight to {@code stage}, to test the store's own guard (the policy would not allow it). */
    private static ModelVersion forcedStage(ModelVersion version, Stage stage) {
        return new ModelVersion(version.useCase(), version.number(), version.author(), stage, version.revision() + 1,
                version.artifact(), version.signature(), version.provenance(), version.metricSpec(), version.reworks(),
                version.evidence(), version.reviews(), version.tests(), version.findings(), "forced by test",
                version.createdAt(), version.updatedAt().plus(Duration.ofSeconds(1)));
    }

    private AuditEvent appendAudit(String reason) {
        return store.inTransaction(tx -> tx.appendAudit(entry(reason)));
    }

    private static AuditEntry entry(String reason) {
        return new AuditEntry(Instant.parse("2026-11-28T09:00:00.123456Z"), "dana", "version.submit", "model:churn/v1",
                "DRAFT", "CANDIDATE", reason, "req-1");
    }

    private static void assertCode(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
