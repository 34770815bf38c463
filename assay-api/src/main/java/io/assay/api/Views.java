package io.assay.api;

import io.assay.core.access.ApiToken;
import io.assay.core.access.User;
import io.assay.core.audit.AuditEvent;
import io.assay.core.audit.AuditVerification;
import io.assay.core.registry.EvidenceDigest;
import io.assay.core.registry.GateResult;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.Routing;
import io.assay.core.registry.UseCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Domain records to wire records: the one place that decides what a client sees. */
public final class Views {
    /** Gates that later parts of Assay will run; shown as NOT_RUN until a version has their result. */
    public static final List<String> KNOWN_GATES = List.of("metrics", "fairness", "stability", "robustness", "latency");

    private Views() {}

    public static UseCaseView useCase(UseCase useCase, Optional<ModelVersion> inProduction, int versions) {
        return new UseCaseView(useCase.name(), useCase.owner(), useCase.description(), useCase.riskTier().name(), useCase.intendedUse(),
                useCase.limitations(), useCase.marketingPurpose(), useCase.registeredAt(), versions, useCase.consumingApplications(),
                useCase.reviewPolicy().approverRoles().stream().sorted().map(Enum::name).toList(), useCase.reviewPolicy().requiredGates(),
                inProduction.map(ModelVersion::number));
    }

    public static VersionView version(ModelVersion version, UseCase useCase) {
        String digest = EvidenceDigest.of(version);
        List<VersionView.Gate> gates = gateNames(useCase).stream().map(gate -> gate(gate,
                useCase.reviewPolicy().requiredGates().contains(gate), version.latestResultOf(gate))).toList();
        List<VersionView.ReviewEntry> reviews = version.reviews().stream().map(review -> new VersionView.ReviewEntry(review.role().name(),
                review.reviewer(), review.decision().name(), review.comment(), review.digest(), review.digest().equals(digest),
                review.reviewedAt())).toList();
        List<String> awaiting = version.stage().isFinal() ? List.of()
                : LifecyclePolicy.outstandingApprovals(version, useCase, (reviewer, role) -> true).stream().sorted().map(Enum::name).toList();
        List<VersionView.TestEntry> tests = version.tests().stream().map(test -> new VersionView.TestEntry(test.test(), test.passed(),
                test.detail(), test.recordedBy(), test.recordedAt())).toList();
        List<VersionView.FindingEntry> findings = version.findings().stream()
                .map(finding -> new VersionView.FindingEntry(finding.text(), finding.gate())).toList();
        return new VersionView(version.useCase(), version.number(), version.author(), version.stage().name(), version.stageReason(),
                version.revision(), digest, version.createdAt(), version.updatedAt(), version.reworks(),
                new VersionView.Artifact(version.artifact().sha256(), version.artifact().sizeBytes(), version.artifact().format()),
                gates, reviews, awaiting, tests, findings,
                LifecyclePolicy.allowedActions(version.stage()).stream().map(Enum::name).toList());
    }

    public static RoutingView routing(Routing routing) {
        return new RoutingView(routing.useCase(), routing.environment().name(), routing.champion(), routing.canary(),
                routing.canaryPercent(), routing.shadows(), routing.revision(), routing.describe(), routing.updatedBy(),
                routing.updatedAt(), routing.reason());
    }

    public static AuditEventView event(AuditEvent event) {
        var entry = event.entry();
        return new AuditEventView(event.sequence(), entry.time(), entry.actor(), entry.action(), entry.subject(), entry.before(),
                entry.after(), entry.reason(), entry.requestId(), event.previousHash(), event.hash());
    }

    public static UserView user(User user) {
        return new UserView(user.name(), user.active(), user.roles().stream().sorted().map(Enum::name).toList(), user.createdBy(),
                user.createdAt());
    }

    public static TokenView token(ApiToken token, Optional<String> secret) {
        return new TokenView(token.id(), token.user(), token.label(), token.createdBy(), token.createdAt(), token.expiresAt(),
                token.revokedAt(), secret);
    }

    public static AuditCheck check(AuditVerification result, Optional<CheckpointView> against) {
        return new AuditCheck(result.intact(), result.eventsChecked(), result.firstBrokenSequence(), result.problem(),
                result.head().map(AuditEvent::sequence), result.head().map(AuditEvent::hash), against.map(CheckpointView::sequence));
    }

    private static VersionView.Gate gate(String name, boolean required, Optional<GateResult> result) {
        if (result.isEmpty()) {
            return new VersionView.Gate(name, required, "NOT_RUN", Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        }
        GateResult r = result.get();
        return new VersionView.Gate(name, required, r.passed() ? "PASSED" : "FAILED", Optional.of(r.engineVersion()),
                Optional.of(r.recordedBy()), Optional.of(r.recordedAt()), r.figures());
    }

    private static List<String> gateNames(UseCase useCase) {
        List<String> names = new ArrayList<>(useCase.reviewPolicy().requiredGates());
        KNOWN_GATES.stream().filter(gate -> !names.contains(gate)).forEach(names::add);
        return names;
    }
}
