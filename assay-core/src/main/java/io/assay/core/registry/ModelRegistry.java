package io.assay.core.registry;

import io.assay.core.access.Actor;
import io.assay.core.access.Permission;
import io.assay.core.access.Role;
import io.assay.core.access.User;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The registry's use cases: each state change is one path — load, ask the policy, save the new
 * state and its audit event in one transaction. A refused change is audited too, in a
 * transaction of its own, so the log holds every attempt. The actor's roles are read from the
 * store inside the transaction, never taken from the caller.
 */
public final class ModelRegistry {
    private final RegistryStore store;
    private final LifecyclePolicy policy;
    private final AuditedChanges changes;
    private final RoutingPolicy routingPolicy = new RoutingPolicy();

    public ModelRegistry(RegistryStore store, LifecyclePolicy policy, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.changes = new AuditedChanges(store, clock);
    }

    /** A new use case; the fields of {@code draft} other than the registration time are kept as given. */
    public UseCase registerUseCase(String actorName, UseCase draft, String requestId) {
        String subject = "usecase:" + draft.name();
        return change(actorName, "usecase.register", subject, requestId, tx -> {
            Actor actor = tx.activeActor(actorName);
            policy.checkRegisterUseCase(actor);
            Instant now = now();
            UseCase useCase = new UseCase(draft.name(), draft.owner(), draft.description(), draft.riskTier(), draft.intendedUse(),
                    draft.limitations(), draft.consumingApplications(), draft.reviewPolicy(), draft.marketingPurpose(), now);
            tx.insertUseCase(useCase);
            tx.appendAudit(new AuditEntry(now, actor.name(), "usecase.register", subject, "-", "REGISTERED",
                    "risk tier " + useCase.riskTier() + ", approvers " + useCase.reviewPolicy().approverRoles()
                            + ", required gates " + useCase.reviewPolicy().requiredGates(), requestId));
            return useCase;
        });
    }

    /** A new DRAFT version, authored by the actor; {@code reworks} names a SENT_BACK version it reworks. */
    public ModelVersion registerVersion(String actorName, String useCaseName, ArtifactRef artifact, ModelSignature signature,
                                        Provenance provenance, MetricSpec metricSpec, Optional<Integer> reworks, String requestId) {
        String subject = "model:" + useCaseName;
        return change(actorName, "version.register", subject, requestId, tx -> {
            Actor actor = tx.activeActor(actorName);
            policy.checkRegister(actor);
            UseCase useCase = useCase(tx, useCaseName);
            if (reworks.isPresent()) {
                ModelVersion reworked = version(tx, useCase.name(), reworks.get());
                if (reworked.stage() != Stage.SENT_BACK) {
                    throw AssayException.invalid(reworked.label() + " is " + reworked.stage()
                            + "; a new version reworks only a version that was sent back");
                }
            }
            Instant now = now();
            ModelVersion version = ModelVersion.draft(useCase.name(), tx.nextVersionNumber(useCase.name()), actor.name(), artifact,
                    signature, provenance, metricSpec, reworks, now);
            tx.insertVersion(version);
            tx.appendAudit(new AuditEntry(now, actor.name(), "version.register", subjectOf(version), "-", Stage.DRAFT.name(),
                    "artifact " + artifact.sha256() + reworks.map(r -> ", reworks v" + r).orElse(""), requestId));
            return version;
        });
    }

    public ModelVersion submit(String actorName, String useCase, int number, String requestId) {
        return transition(actorName, useCase, number, Action.SUBMIT, requestId,
                (tx, actor, version) -> policy.submit(version, actor, now()));
    }

    public ModelVersion attachEvidence(String actorName, String useCase, int number, String gate, boolean passed,
                                       Map<String, Double> figures, String engineVersion, String requestId) {
        return attachEvidence(actorName, useCase, number, gate, Optional.of(passed), figures, engineVersion, requestId);
    }

    /**
     * A gate's result joins the evidence. The metrics gate's verdict is computed by the version's
     * frozen metric spec from the figures ({@code claimed} may be left out, and is refused when it
     * disagrees); every other gate's verdict is given by what ran it.
     */
    public ModelVersion attachEvidence(String actorName, String useCase, int number, String gate, Optional<Boolean> claimed,
                                       Map<String, Double> figures, String engineVersion, String requestId) {
        return transition(actorName, useCase, number, Action.ATTACH_EVIDENCE, requestId, (tx, actor, version) -> {
            policy.checkAttachEvidence(version, actor);
            if (PlatformGates.runByPlatform(version, gate)) {
                throw AssayException.invalid("gate " + gate + " of " + version.label() + " is run by Assay, not typed in: "
                        + "run it with 'assay gates run " + useCase + " " + number + "'");
            }
            boolean passed = verdict(version, gate, claimed, figures);
            Instant now = now();
            GateResult result = new GateResult(gate, passed, figures, engineVersion, actor.name(), now);
            return policy.attachEvidence(version, useCase(tx, useCase), actor, result, "", now);
        });
    }

    /**
     * One platform gate's result, computed by Assay's gate runner from the version's bundle and
     * the data environment: the metrics gate is still judged by the frozen spec from its figures,
     * every other gate's verdict comes with the detail that names the figure, its bound and the segment.
     */
    public ModelVersion recordGateRun(String actorName, String useCase, int number, String gate, boolean passed, Map<String, Double> figures,
                                      String engineVersion, String detail, String requestId) {
        return transition(actorName, useCase, number, Action.ATTACH_EVIDENCE, requestId, (tx, actor, version) -> {
            policy.checkAttachEvidence(version, actor);
            if (!version.artifact().format().equals(PlatformGates.BUNDLE_FORMAT)) {
                throw AssayException.invalid(version.label() + " was registered from a bare model file, not a bundle: Assay cannot run "
                        + "its gates");
            }
            boolean verdict = gate.equals(MetricSpec.GATE) ? version.metricSpec().judge(figures).passed() : passed;
            String why = gate.equals(MetricSpec.GATE) ? version.metricSpec().judge(figures).summary() : detail;
            Instant now = now();
            GateResult result = new GateResult(gate, verdict, figures, engineVersion, actor.name(), now);
            return policy.attachEvidence(version, useCase(tx, useCase), actor, result, why, now);
        });
    }

    private static boolean verdict(ModelVersion version, String gate, Optional<Boolean> claimed, Map<String, Double> figures) {
        if (!gate.equals(MetricSpec.GATE)) {
            return claimed.orElseThrow(() -> AssayException.invalid("say whether gate " + Names.quoted(gate)
                    + " passed or failed (the metrics gate alone is judged by Assay, from its figures)"));
        }
        MetricVerdict verdict = version.metricSpec().judge(figures);
        if (claimed.isPresent() && claimed.get() != verdict.passed()) {
            throw AssayException.invalid("the metrics gate is judged from its figures by " + version.label() + "'s metric spec, "
                    + "which says " + verdict.summary() + "; leave out --passed/--failed or send the figures that back it");
        }
        return verdict.passed();
    }

    public ModelVersion review(String actorName, String useCase, int number, Role role, Decision decision, String comment,
                               String signedDigest, List<Finding> findings, String requestId) {
        Action action = decision == Decision.APPROVE ? Action.APPROVE : Action.REJECT;
        return transition(actorName, useCase, number, action, requestId, (tx, actor, version) ->
                policy.review(version, useCase(tx, useCase), actor, role, decision, comment, signedDigest, findings, now()));
    }

    public ModelVersion recordTest(String actorName, String useCase, int number, String test, boolean passed, String detail,
                                   List<Finding> findings, String requestId) {
        return transition(actorName, useCase, number, Action.RECORD_TEST, requestId, (tx, actor, version) -> {
            Instant now = now();
            return policy.recordTest(version, actor, new TestResult(test, passed, detail, findings, actor.name(), now), now);
        });
    }

    /**
     * Promotes a TESTED version, replacing the version the caller saw in production
     * ({@code replaces}, empty when there was none); that version is retired as superseded in the
     * same transaction. When production changed since the caller looked, nothing happens and the
     * caller gets a conflict: of concurrent promotions in one use case exactly one wins, and no
     * promotion ever replaces a version its author did not know was there.
     */
    public ModelVersion promote(String actorName, String useCase, int number, Optional<Integer> replaces, String requestId) {
        return transition(actorName, useCase, number, Action.PROMOTE, requestId, (tx, actor, version) -> {
            // Production first: a promotion that lost a race learns it before anything else is loaded.
            Optional<ModelVersion> champion = tx.findVersionInStage(useCase, Stage.PRODUCTION);
            Optional<Integer> inProduction = champion.map(ModelVersion::number);
            if (!inProduction.equals(replaces) && !inProduction.equals(Optional.of(number))) {
                throw new AssayException(ErrorCode.CONCURRENT_CHANGE, "promoting " + version.label() + " would replace "
                        + inProduction.map(n -> useCase + " v" + n).orElse("no version") + " in production, not "
                        + replaces.map(n -> useCase + " v" + n).orElse("none") + " as the promotion says (named wrong, or production "
                        + "changed since); see 'assay models routing " + useCase + "' and promote with --replaces "
                        + inProduction.map(String::valueOf).orElse("none"));
            }
            Map<String, Set<Role>> rolesNow = new HashMap<>();
            for (Review review : version.reviews()) {
                rolesNow.computeIfAbsent(review.reviewer(), tx::rolesNow);
            }
            Instant now = now();
            Transition promotion = policy.promote(version, useCase(tx, useCase), actor, rolesNow, now);
            if (champion.isPresent()) {
                Transition stepDown = policy.supersede(champion.get(), version, actor, now);
                tx.updateVersion(stepDown.after());
                audit(tx, actor, stepDown, requestId, now);
            }
            return promotion;
        });
    }

    public ModelVersion retire(String actorName, String useCase, int number, String reason, String requestId) {
        return transition(actorName, useCase, number, Action.RETIRE, requestId,
                (tx, actor, version) -> policy.retire(version, actor, reason, now()));
    }

    /** A use case as one person may see it: reading the registry takes {@link Permission#READ_REGISTRY}. */
    public UseCase useCase(String actorName, String name) {
        reader(actorName);
        return store.findUseCase(name).orElseThrow(() -> AssayException.notFound("no use case " + Names.quoted(name)));
    }

    public List<UseCase> listUseCases(String actorName) {
        reader(actorName);
        return store.listUseCases();
    }

    public ModelVersion version(String actorName, String useCase, int number) {
        reader(actorName);
        RegistryNames.requireUseCaseName(useCase);
        return store.findVersion(useCase, number).orElseThrow(() -> notFound(useCase, number));
    }

    public List<ModelVersion> versions(String actorName, String useCase) {
        reader(actorName);
        RegistryNames.requireUseCaseName(useCase);
        if (store.findUseCase(useCase).isEmpty()) {
            throw AssayException.notFound("no use case " + Names.quoted(useCase));
        }
        return store.listVersions(useCase);
    }

    /**
     * Whether {@code actorName} may take actions of {@code permission} at all, for callers that must
     * know before they do work of their own (parse a spec, receive a model file): a refusal then
     * comes first, and says nothing about what exists.
     */
    public Actor require(String actorName, Permission permission) {
        Actor actor = store.activeActor(actorName);
        permission.require(actor);
        return actor;
    }

    private void reader(String actorName) {
        Permission.READ_REGISTRY.require(store.activeActor(actorName));
    }

    /** The audit subject of a version, e.g. {@code model:churn/v3}. */
    public static String subjectOf(ModelVersion version) {
        return subjectOf(version.useCase(), version.number());
    }

    public static String subjectOf(String useCase, int number) {
        return "model:" + useCase + "/v" + number;
    }

    @FunctionalInterface
    private interface Step {
        Transition decide(RegistryTransaction tx, Actor actor, ModelVersion version);
    }

    private ModelVersion transition(String actorName, String useCase, int number, Action action, String requestId, Step step) {
        RegistryNames.requireUseCaseName(useCase);
        return change(actorName, action.auditName(), subjectOf(useCase, number), requestId, tx -> {
            Actor actor = tx.activeActor(actorName);
            // The permission first: a refusal then says nothing about which versions exist.
            LifecyclePolicy.permissionFor(action).require(actor);
            ModelVersion before = version(tx, useCase, number);
            Transition transition = step.decide(tx, actor, before);
            tx.updateVersion(transition.after());
            audit(tx, actor, transition, requestId, transition.after().updatedAt());
            // Which versions may be routed depends on stages alone, so a step that moves no stage leaves routing as it is.
            if (transition.before().stage() != transition.after().stage()) {
                Optional<ModelVersion> promoted = action == Action.PROMOTE ? Optional.of(transition.after()) : Optional.empty();
                RoutingService.followLifecycle(tx, routingPolicy, useCase, promoted, actor.name(), requestId,
                        transition.after().updatedAt());
            }
            return transition.after();
        });
    }

    private <T> T change(String actorName, String action, String subject, String requestId, Function<RegistryTransaction, T> work) {
        return changes.run(actorName, action, subject, requestId, work);
    }

    private static void audit(RegistryTransaction tx, Actor actor, Transition transition, String requestId, Instant now) {
        tx.appendAudit(new AuditEntry(now, actor.name(), transition.action().auditName(), subjectOf(transition.after()),
                transition.before().stage().name(), transition.after().stage().name(), transition.reason(), requestId));
    }

    private static UseCase useCase(RegistryTransaction tx, String name) {
        return tx.findUseCase(name).orElseThrow(() -> AssayException.notFound("no use case " + name));
    }

    private static ModelVersion version(RegistryTransaction tx, String useCase, int number) {
        return tx.findVersion(useCase, number).orElseThrow(() -> notFound(useCase, number));
    }

    private static AssayException notFound(String useCase, int number) {
        return AssayException.notFound("no version " + number + " of use case " + useCase);
    }

    private Instant now() {
        return changes.now();
    }

    /** The events about a version, refusals included, oldest first. */
    public List<AuditEvent> history(String actorName, String useCase, int number) {
        version(actorName, useCase, number);
        return store.auditOf(subjectOf(useCase, number));
    }
}
