package io.assay.testing;

import io.assay.core.access.Role;
import io.assay.core.access.UserService;
import io.assay.core.audit.AuditEvent;
import io.assay.core.audit.AuditVerifier;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.Decision;
import io.assay.core.registry.EvidenceDigest;
import io.assay.core.registry.Finding;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRegistryTest {
    private final SettableClock clock = new SettableClock(RegistryFixtures.NOW, ZoneOffset.UTC);
    private final InMemoryRegistryStore store = new InMemoryRegistryStore();
    private final ModelRegistry registry = new ModelRegistry(store, new LifecyclePolicy(), clock);
    private final UserService users = new UserService(store, clock);

    @BeforeEach
    void peopleAndUseCase() {
        users.bootstrapAdmin("root");
        users.addUser("root", "dana", Set.of(Role.DATA_SCIENTIST), "t");
        users.addUser("root", "leo", Set.of(Role.LEGAL_REVIEWER), "t");
        users.addUser("root", "dora", Set.of(Role.DATA_REVIEWER, Role.COMPLIANCE_REVIEWER), "t");
        users.addUser("root", "cole", Set.of(Role.COMPLIANCE_REVIEWER), "t");
        users.addUser("root", "mo", Set.of(Role.MLOPS), "t");
        users.addUser("root", "max", Set.of(Role.DATA_SCIENTIST, Role.LEGAL_REVIEWER), "t");
        registry.registerUseCase("dana", RegistryFixtures.useCase("churn", RiskTier.HIGH, List.of("metrics")), "t");
    }

    @Test
    void a_version_walks_from_draft_to_production_with_one_audit_event_per_step() {
        ModelVersion version = approvedAndTested();

        ModelVersion promoted = registry.promote("mo", "churn", version.number(), Optional.empty(), "t");

        assertThat(promoted.stage()).isEqualTo(Stage.PRODUCTION);
        List<AuditEvent> history = registry.history("mo", "churn", 1);
        assertThat(history).extracting(event -> event.entry().action()).containsExactly("version.register", "version.submit",
                "version.attach_evidence", "version.approve", "version.approve", "version.approve", "version.record_test",
                "version.promote");
        assertThat(history).extracting(event -> event.entry().after()).containsExactly("DRAFT", "CANDIDATE", "VALIDATED",
                "VALIDATED", "VALIDATED", "APPROVED", "TESTED", "PRODUCTION");
        assertChainIntact();
    }

    @Test
    void rejects_an_approval_by_the_author_even_when_they_hold_the_reviewer_role() {
        ModelVersion version = validated("max");

        assertRefused(() -> registry.review("max", "churn", version.number(), Role.LEGAL_REVIEWER, Decision.APPROVE, "mine",
                EvidenceDigest.of(version), List.of(), "t"), ErrorCode.SEGREGATION_OF_DUTIES);
        assertThat(registry.history("mo", "churn", version.number()).get(registry.history("mo", "churn", version.number()).size() - 1)
                .entry().action()).isEqualTo("version.approve.refused");
    }

    @Test
    void rejects_evidence_from_the_versions_own_author() {
        ModelVersion draft = registry.registerVersion("dana", "churn", RegistryFixtures.artifact(RegistryFixtures.ARTIFACT_SHA),
                RegistryFixtures.signature(), RegistryFixtures.provenance(), RegistryFixtures.metricSpec(), Optional.empty(), "t");
        registry.submit("dana", "churn", draft.number(), "t");

        assertRefused(() -> registry.attachEvidence("dana", "churn", draft.number(), "metrics", true, Map.of(), "gates 0.1", "t"),
                ErrorCode.SEGREGATION_OF_DUTIES);
        assertThat(registry.version("mo", "churn", draft.number()).stage()).isEqualTo(Stage.CANDIDATE);
    }

    @Test
    void an_admin_can_neither_change_their_own_roles_nor_hold_admin_beside_a_reviewer_role() {
        assertRefused(() -> users.setRoles("root", "root", Set.of(Role.ADMIN, Role.AUDITOR), "t"), ErrorCode.SEGREGATION_OF_DUTIES);
        assertRefused(() -> users.setRoles("root", "mo", Set.of(Role.ADMIN, Role.LEGAL_REVIEWER), "t"), ErrorCode.SEGREGATION_OF_DUTIES);
        assertRefused(() -> users.addUser("root", "eve", Set.of(Role.ADMIN, Role.DATA_REVIEWER), "t"), ErrorCode.SEGREGATION_OF_DUTIES);
        assertThat(users.find("mo").orElseThrow().roles()).containsExactly(Role.MLOPS);
    }

    @Test
    void rejects_a_second_role_by_the_same_person() {
        ModelVersion version = validated("dana");
        approve("dora", Role.DATA_REVIEWER);

        assertRefused(() -> approve("dora", Role.COMPLIANCE_REVIEWER), ErrorCode.SEGREGATION_OF_DUTIES);
        assertThat(registry.version("mo", "churn", version.number()).reviews()).hasSize(1);
    }

    @Test
    void rejects_an_approval_of_a_stale_digest_and_new_evidence_voids_earlier_approvals() {
        ModelVersion version = validated("dana");
        String seen = EvidenceDigest.of(version);
        approve("leo", Role.LEGAL_REVIEWER);
        approve("dora", Role.DATA_REVIEWER);

        ModelVersion rerun = registry.attachEvidence("mo", "churn", 1, "metrics", true, Map.of("auc", 0.79, "brier", 0.15), "gates 0.2", "t");

        assertThat(rerun.stage()).isEqualTo(Stage.VALIDATED);
        assertThat(rerun.stageReason()).contains("2 approval(s) no longer count");
        assertThat(LifecyclePolicy.outstandingApprovals(rerun, store.findUseCase("churn").orElseThrow(), (r, h) -> true))
                .containsExactlyInAnyOrder(Role.LEGAL_REVIEWER, Role.DATA_REVIEWER, Role.COMPLIANCE_REVIEWER);
        assertRefused(() -> registry.review("cole", "churn", 1, Role.COMPLIANCE_REVIEWER, Decision.APPROVE, "ok", seen, List.of(), "t"),
                ErrorCode.STALE_DIGEST);
    }

    @Test
    void the_metrics_gate_is_judged_from_its_figures_and_a_contradicting_claim_is_refused() {
        ModelVersion draft = registry.registerVersion("dana", "churn", RegistryFixtures.artifact(RegistryFixtures.ARTIFACT_SHA),
                RegistryFixtures.signature(), RegistryFixtures.provenance(), RegistryFixtures.metricSpec(), Optional.empty(), "t");
        registry.submit("dana", "churn", draft.number(), "t");

        assertRefused(() -> registry.attachEvidence("mo", "churn", draft.number(), "metrics", Optional.of(true),
                Map.of("auc", 0.65, "brier", 0.1), "gates 0.1", "t"), ErrorCode.INVALID_ARGUMENT);
        ModelVersion judged = registry.attachEvidence("mo", "churn", draft.number(), "metrics", Optional.empty(),
                Map.of("auc", 0.81, "brier", 0.12), "gates 0.1", "t");
        ModelVersion unmeasured = registry.attachEvidence("mo", "churn", draft.number(), "metrics", Optional.empty(),
                Map.of("auc", 0.81), "gates 0.1", "t");

        assertThat(judged.stage()).isEqualTo(Stage.VALIDATED);
        assertThat(unmeasured.stage()).as("brier was not measured").isEqualTo(Stage.CANDIDATE);
        assertRefused(() -> registry.attachEvidence("mo", "churn", draft.number(), "fairness", Optional.empty(), Map.of(), "g", "t"),
                ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void an_approved_version_drops_back_when_new_evidence_arrives() {
        validated("dana");
        approve("leo", Role.LEGAL_REVIEWER);
        approve("dora", Role.DATA_REVIEWER);
        approve("cole", Role.COMPLIANCE_REVIEWER);

        ModelVersion failed = registry.attachEvidence("mo", "churn", 1, "metrics", false, Map.of("auc", 0.61), "gates 0.2", "t");

        assertThat(failed.stage()).isEqualTo(Stage.CANDIDATE);
        assertThat(failed.stageReason()).contains("gate metrics failed").contains("3 approval(s) no longer count");
    }

    @Test
    void refuses_promotion_after_a_reviewers_role_was_revoked() {
        ModelVersion version = approvedAndTested();
        users.setRoles("root", "leo", Set.of(Role.AUDITOR), "t");

        assertRefused(() -> registry.promote("mo", "churn", version.number(), Optional.empty(), "t"), ErrorCode.APPROVALS_INCOMPLETE);
        assertThat(registry.version("mo", "churn", 1).stage()).isEqualTo(Stage.TESTED);
    }

    @Test
    void a_current_holder_of_a_revoked_reviewers_role_approves_in_their_place_and_the_version_can_be_promoted() {
        ModelVersion version = approvedAndTested();
        users.setRoles("root", "leo", Set.of(Role.AUDITOR), "t");
        users.addUser("root", "lisa", Set.of(Role.LEGAL_REVIEWER), "t");

        ModelVersion reapproved = registry.review("lisa", "churn", 1, Role.LEGAL_REVIEWER, Decision.APPROVE, "checked again",
                EvidenceDigest.of(version), List.of(), "t");

        assertThat(reapproved.stage()).isEqualTo(Stage.TESTED);
        assertThat(reapproved.stageReason()).contains("stays TESTED");
        assertThat(registry.promote("mo", "churn", 1, Optional.empty(), "t").stage()).isEqualTo(Stage.PRODUCTION);
    }

    @Test
    void promotion_supersedes_the_version_in_production_it_names_in_the_same_step() {
        registry.promote("mo", "churn", approvedAndTested().number(), Optional.empty(), "t");
        registry.registerVersion("dana", "churn", RegistryFixtures.artifact("c".repeat(64)), RegistryFixtures.signature(),
                RegistryFixtures.provenance(), RegistryFixtures.metricSpec(), Optional.empty(), "t");
        walkToTested(2);

        assertRefused(() -> registry.promote("mo", "churn", 2, Optional.empty(), "t"), ErrorCode.CONCURRENT_CHANGE);
        registry.promote("mo", "churn", 2, Optional.of(1), "t");

        assertThat(registry.version("mo", "churn", 1).stage()).isEqualTo(Stage.RETIRED);
        assertThat(registry.version("mo", "churn", 1).stageReason()).isEqualTo("superseded by churn v2");
        assertThat(registry.version("mo", "churn", 2).stage()).isEqualTo(Stage.PRODUCTION);
    }

    @Test
    void an_illegal_transition_is_a_conflict_that_lists_the_allowed_actions() {
        validated("dana");

        assertThatThrownBy(() -> registry.promote("mo", "churn", 1, Optional.empty(), "t"))
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION))
                .hasMessageContaining("churn v1 is VALIDATED; PROMOTE is not allowed there. Allowed: [ATTACH_EVIDENCE, APPROVE, REJECT, RETIRE]");
    }

    @Test
    void a_failed_test_sends_the_version_back_with_findings_and_a_rework_names_it() {
        approvedAndTested();
        registry.recordTest("mo", "churn", 1, "challenger", false, "loses to the champion on the last quarter",
                List.of(new Finding("Recalibrate on the last quarter", Optional.of("metrics"))), "t");

        ModelVersion rework = registry.registerVersion("dana", "churn", RegistryFixtures.artifact("d".repeat(64)),
                RegistryFixtures.signature(), RegistryFixtures.provenance(), RegistryFixtures.metricSpec(), Optional.of(1), "t");

        assertThat(registry.version("mo", "churn", 1).stage()).isEqualTo(Stage.SENT_BACK);
        assertThat(registry.version("mo", "churn", 1).findings()).extracting(Finding::text).containsExactly("Recalibrate on the last quarter");
        assertThat(rework.reworks()).contains(1);
        assertRefused(() -> registry.registerVersion("dana", "churn", RegistryFixtures.artifact("d".repeat(64)),
                RegistryFixtures.signature(), RegistryFixtures.provenance(), RegistryFixtures.metricSpec(), Optional.of(2), "t"),
                ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void an_unknown_user_or_version_is_refused_without_naming_anything_else() {
        assertRefused(() -> registry.submit("mallory", "churn", 1, "t"), ErrorCode.UNAUTHENTICATED);
        assertThatThrownBy(() -> registry.version("mo", "secret-project", 1)).hasMessage("no version 1 of use case secret-project");
    }

    private ModelVersion validated(String author) {
        ModelVersion draft = registry.registerVersion(author, "churn", RegistryFixtures.artifact(RegistryFixtures.ARTIFACT_SHA),
                RegistryFixtures.signature(), RegistryFixtures.provenance(), RegistryFixtures.metricSpec(), Optional.empty(), "t");
        registry.submit(author, "churn", draft.number(), "t");
        return registry.attachEvidence("mo", "churn", draft.number(), "metrics", true, Map.of("auc", 0.78, "brier", 0.15), "gates 0.1", "t");
    }

    private ModelVersion approvedAndTested() {
        validated("dana");
        return walkToTestedFromValidated(1);
    }

    private void walkToTested(int number) {
        registry.submit("dana", "churn", number, "t");
        registry.attachEvidence("mo", "churn", number, "metrics", true, Map.of("auc", 0.8, "brier", 0.15), "gates 0.1", "t");
        walkToTestedFromValidated(number);
    }

    private ModelVersion walkToTestedFromValidated(int number) {
        approve(number, "leo", Role.LEGAL_REVIEWER);
        approve(number, "dora", Role.DATA_REVIEWER);
        approve(number, "cole", Role.COMPLIANCE_REVIEWER);
        return registry.recordTest("mo", "churn", number, "backtest", true, "out-of-time AUC 0.77", List.of(), "t");
    }

    private void approve(String reviewer, Role role) {
        approve(1, reviewer, role);
    }

    private void approve(int number, String reviewer, Role role) {
        clock.advance(Duration.ofMinutes(1));
        ModelVersion current = registry.version("mo", "churn", number);
        registry.review(reviewer, "churn", number, role, Decision.APPROVE, "looks right", EvidenceDigest.of(current), List.of(), "t");
    }

    private void assertChainIntact() {
        AuditVerifier verifier = AuditVerifier.create();
        store.scanAudit(1, Long.MAX_VALUE, verifier);
        assertThat(verifier.result().intact()).isTrue();
    }

    private static void assertRefused(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
