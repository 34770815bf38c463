package io.assay.core.registry;

import io.assay.core.access.Actor;
import io.assay.core.access.Permission;
import io.assay.core.access.Role;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import static io.assay.core.registry.Action.APPROVE;
import static io.assay.core.registry.Action.ATTACH_EVIDENCE;
import static io.assay.core.registry.Action.PROMOTE;
import static io.assay.core.registry.Action.RECORD_TEST;
import static io.assay.core.registry.Action.REJECT;
import static io.assay.core.registry.Action.RETIRE;
import static io.assay.core.registry.Action.SUBMIT;

/**
 * The lifecycle of a model version: the one place that says which action is allowed in which
 * stage, by whom, and where it leads. Pure: it reads the version, the use case, the actor (with
 * the roles they hold now) and returns the next version; the caller saves it with its audit
 * event. Segregation of duties lives here too: nobody reviews, tests or promotes their own
 * version, and nobody approves a version under two roles.
 */
public final class LifecyclePolicy {

    /** The actions a version in {@code stage} accepts; everything else is an illegal transition. */
    public static Set<Action> allowedActions(Stage stage) {
        return switch (stage) {
            case DRAFT -> EnumSet.of(SUBMIT, RETIRE);
            case CANDIDATE -> EnumSet.of(ATTACH_EVIDENCE, REJECT, RETIRE);
            case VALIDATED -> EnumSet.of(ATTACH_EVIDENCE, APPROVE, REJECT, RETIRE);
            // An approval is still taken here: when a reviewer loses their role, a current holder's approval replaces theirs.
            case APPROVED -> EnumSet.of(ATTACH_EVIDENCE, APPROVE, REJECT, RECORD_TEST, RETIRE);
            case TESTED -> EnumSet.of(ATTACH_EVIDENCE, APPROVE, REJECT, RECORD_TEST, PROMOTE, RETIRE);
            case PRODUCTION -> EnumSet.of(RETIRE);
            case RETIRED, SENT_BACK -> EnumSet.noneOf(Action.class);
        };
    }

    /** The permission an action takes, checked before the version is even loaded. */
    public static Permission permissionFor(Action action) {
        return switch (action) {
            case SUBMIT -> Permission.BUILD_MODELS;
            case ATTACH_EVIDENCE -> Permission.ATTACH_EVIDENCE;
            case APPROVE, REJECT -> Permission.REVIEW;
            case RECORD_TEST, PROMOTE, RETIRE -> Permission.OPERATE_MODELS;
        };
    }

    /** Who may register versions of a use case (they become its author). */
    public void checkRegister(Actor actor) {
        Permission.BUILD_MODELS.require(actor);
    }

    /** Who may register a use case. */
    public void checkRegisterUseCase(Actor actor) {
        Permission.DEFINE_USE_CASE.require(actor);
    }

    /** The author submits their draft; from here the metric spec is frozen. */
    public Transition submit(ModelVersion version, Actor actor, Instant now) {
        requireAllowed(version, SUBMIT);
        permissionFor(SUBMIT).require(actor);
        if (!actor.name().equals(version.author())) {
            throw new AssayException(ErrorCode.SEGREGATION_OF_DUTIES, version.label() + " is " + version.author()
                    + "'s draft; only its author submits it");
        }
        return new Transition(version, version.moved(Stage.CANDIDATE, "submitted by " + actor.name()
                + "; metric spec frozen", now), SUBMIT, "submitted; metric spec frozen");
    }

    /**
     * A gate's result joins the evidence, recorded by someone other than the author. The version is VALIDATED while every required gate's
     * latest result passed, else CANDIDATE. New evidence changes the digest, so approvals given
     * before no longer count and an APPROVED or TESTED version drops back, saying why.
     */
    public Transition attachEvidence(ModelVersion version, UseCase useCase, Actor actor, GateResult result, Instant now) {
        return attachEvidence(version, useCase, actor, result, "", now);
    }

    /** As above, with the gate's own account of its verdict (which figure, which bound, which segment) in the reason. */
    public Transition attachEvidence(ModelVersion version, UseCase useCase, Actor actor, GateResult result, String detail, Instant now) {
        checkAttachEvidence(version, actor);
        ModelVersion withResult = version.withEvidence(result);
        List<String> missing = missingGates(withResult, useCase);
        Stage next = missing.isEmpty() ? Stage.VALIDATED : Stage.CANDIDATE;
        String digestBefore = EvidenceDigest.of(version);
        long voided = version.reviews().stream().filter(review -> review.decision() == Decision.APPROVE
                && review.digest().equals(digestBefore)).count();
        String verdict = "gate " + result.gate() + (result.passed() ? " passed" : " failed") + (detail.isBlank() ? "" : " (" + detail + ")");
        String reason;
        if (voided > 0) {
            reason = verdict + "; the new evidence changed the digest, so " + voided + " approval(s) no longer count and must be given again";
        } else if (missing.isEmpty()) {
            reason = verdict + "; every required gate has passed";
        } else {
            reason = verdict + "; waiting for " + String.join(", ", missing);
        }
        return new Transition(version, withResult.moved(next, reason, now), ATTACH_EVIDENCE, reason);
    }

    /** Whether {@code actor} may attach evidence to {@code version} now, before any verdict is worked out. */
    public void checkAttachEvidence(ModelVersion version, Actor actor) {
        requireAllowed(version, ATTACH_EVIDENCE);
        permissionFor(ATTACH_EVIDENCE).require(actor);
        // A gate's verdict must not come from the person it judges.
        requireNotAuthor(version, actor, "attach evidence to");
    }

    /**
     * A reviewer's decision under one of their roles, bound to the digest they saw. An approval
     * moves the version to APPROVED once every role the use case requires has approved the
     * current digest; a rejection sends it back with its findings.
     */
    public Transition review(ModelVersion version, UseCase useCase, Actor actor, Role role, Decision decision, String comment,
                             String signedDigest, List<Finding> findings, Instant now) {
        Action action = switch (decision) {
            case APPROVE -> APPROVE;
            case REJECT -> REJECT;
        };
        requireAllowed(version, action);
        permissionFor(action).require(actor);
        if (!useCase.requiresApprovalBy(role)) {
            throw new AssayException(ErrorCode.ROLE_REQUIRED, "use case " + useCase.name() + " is not reviewed by " + role
                    + "; its reviewers are " + useCase.reviewPolicy().approverRoles());
        }
        requireRole(actor, role, "review as " + role);
        requireNotAuthor(version, actor, "review");
        RegistryNames.requireSha256("the signed evidence digest", signedDigest);
        String current = EvidenceDigest.of(version);
        if (!current.equals(signedDigest)) {
            throw new AssayException(ErrorCode.STALE_DIGEST, "the review of " + version.label() + " signs digest "
                    + signedDigest + ", but the evidence changed since; the current digest is " + current
                    + " (" + version.stageReason() + "). Look at the evidence again and sign the current digest");
        }
        Review review = new Review(role, actor.name(), decision, comment, signedDigest, findings, now);
        if (decision == Decision.REJECT) {
            if (findings.isEmpty()) {
                throw AssayException.invalid("a rejection needs at least one finding that says what to fix");
            }
            String reason = "rejected by " + actor.name() + " as " + role + ": " + comment;
            return new Transition(version, version.withReview(review).moved(Stage.SENT_BACK, reason, now), REJECT, reason);
        }
        for (Review earlier : version.reviews()) {
            if (earlier.reviewer().equals(actor.name()) && earlier.decision() == Decision.APPROVE && earlier.role() != role) {
                throw new AssayException(ErrorCode.SEGREGATION_OF_DUTIES, actor.name() + " already approved " + version.label()
                        + " as " + earlier.role() + "; one person approves a version under one role only");
            }
            if (earlier.reviewer().equals(actor.name()) && earlier.decision() == Decision.APPROVE && earlier.digest().equals(current)) {
                throw new AssayException(ErrorCode.ALREADY_EXISTS, actor.name() + " already approved " + version.label()
                        + " as " + role + " on this digest");
            }
        }
        ModelVersion reviewed = version.withReview(review);
        if (version.stage() == Stage.APPROVED || version.stage() == Stage.TESTED) {
            String reason = "approved by " + actor.name() + " as " + role + "; the version stays " + version.stage();
            return new Transition(version, reviewed.moved(version.stage(), reason, now), APPROVE, reason);
        }
        Set<Role> outstanding = outstandingApprovals(reviewed, useCase, (reviewer, held) -> true);
        String reason = "approved by " + actor.name() + " as " + role
                + (outstanding.isEmpty() ? "; every required role has approved" : "; waiting for " + outstanding);
        Stage next = outstanding.isEmpty() ? Stage.APPROVED : Stage.VALIDATED;
        return new Transition(version, reviewed.moved(next, reason, now), APPROVE, reason);
    }

    /** The MLOps team's test-environment check: a pass makes the version TESTED, a failure sends it back. */
    public Transition recordTest(ModelVersion version, Actor actor, TestResult test, Instant now) {
        requireAllowed(version, RECORD_TEST);
        permissionFor(RECORD_TEST).require(actor);
        requireNotAuthor(version, actor, "test");
        ModelVersion tested = version.withTest(test);
        if (test.passed()) {
            String reason = "test " + test.test() + " passed: " + test.detail();
            return new Transition(version, tested.moved(Stage.TESTED, reason, now), RECORD_TEST, reason);
        }
        if (test.findings().isEmpty()) {
            throw AssayException.invalid("a failed test needs at least one finding that says what to fix");
        }
        String reason = "test " + test.test() + " failed: " + test.detail();
        return new Transition(version, tested.moved(Stage.SENT_BACK, reason, now), RECORD_TEST, reason);
    }

    /**
     * Puts a TESTED version into production. Every required gate must still pass and every
     * required role's approval must still hold: on the current digest, by someone who holds that
     * role now ({@code rolesNow}, read at this moment).
     */
    public Transition promote(ModelVersion version, UseCase useCase, Actor actor, Map<String, Set<Role>> rolesNow, Instant now) {
        requireAllowed(version, PROMOTE);
        permissionFor(PROMOTE).require(actor);
        requireFitToAnswerCustomers(version, useCase, actor, reviewer -> rolesNow.getOrDefault(reviewer, Set.of()), "be promoted");
        String reason = "promoted by " + actor.name();
        return new Transition(version, version.moved(Stage.PRODUCTION, reason, now), PROMOTE, reason);
    }

    /** The production version steps down because {@code successor} is promoted in the same transaction. */
    public Transition supersede(ModelVersion champion, ModelVersion successor, Actor actor, Instant now) {
        if (champion.stage() != Stage.PRODUCTION) {
            throw new AssayException(ErrorCode.ILLEGAL_TRANSITION, champion.label() + " is " + champion.stage()
                    + ", not PRODUCTION; only a production version is superseded");
        }
        permissionFor(PROMOTE).require(actor);
        String reason = "superseded by " + successor.label();
        return new Transition(champion, champion.moved(Stage.RETIRED, reason, now), RETIRE, reason);
    }

    public Transition retire(ModelVersion version, Actor actor, String reason, Instant now) {
        requireAllowed(version, RETIRE);
        permissionFor(RETIRE).require(actor);
        String why = "retired by " + actor.name() + ": " + io.assay.core.common.Names.requireText("reason", reason, 2000);
        return new Transition(version, version.moved(Stage.RETIRED, why, now), RETIRE, why);
    }

    /**
     * What a version must be before customers see its answers, as production champion or as a
     * canary: not routed or promoted by its author, every required gate passed, every required
     * role's approval on the current digest by someone who holds that role now.
     *
     * @param what how the refusal reads after the version's label, e.g. "be promoted", "be a canary"
     */
    public static void requireFitToAnswerCustomers(ModelVersion version, UseCase useCase, Actor actor,
                                                   java.util.function.Function<String, Set<Role>> rolesNow, String what) {
        if (actor.name().equals(version.author())) {
            throw new AssayException(ErrorCode.SEGREGATION_OF_DUTIES, actor.name() + " is the author of " + version.label()
                    + " and may not put it before customers");
        }
        List<String> missing = missingGates(version, useCase);
        if (!missing.isEmpty()) {
            throw new AssayException(ErrorCode.GATES_INCOMPLETE, version.label() + " cannot " + what + ": " + String.join(", ", missing));
        }
        Set<Role> outstanding = outstandingApprovals(version, useCase, (reviewer, held) -> rolesNow.apply(reviewer).contains(held));
        if (!outstanding.isEmpty()) {
            throw new AssayException(ErrorCode.APPROVALS_INCOMPLETE, version.label() + " cannot " + what + ": no valid approval by "
                    + outstanding + " (an approval counts only on the current digest, by someone who still holds the role)");
        }
    }

    /** The required gates whose latest result is missing or failed, each saying which. */
    public static List<String> missingGates(ModelVersion version, UseCase useCase) {
        List<String> missing = new ArrayList<>();
        for (String gate : useCase.reviewPolicy().requiredGates()) {
            version.latestResultOf(gate).ifPresentOrElse(
                    result -> {
                        if (!result.passed()) {
                            missing.add("gate " + gate + " failed");
                        }
                    },
                    () -> missing.add("gate " + gate + " not run"));
        }
        return missing;
    }

    /**
     * The required roles without a valid approval: on the current digest, by a reviewer other
     * than the author, who {@code stillHolds} the role.
     */
    public static Set<Role> outstandingApprovals(ModelVersion version, UseCase useCase, BiPredicate<String, Role> stillHolds) {
        String current = EvidenceDigest.of(version);
        Set<Role> approved = version.reviews().stream()
                .filter(review -> review.decision() == Decision.APPROVE && review.digest().equals(current))
                .filter(review -> !review.reviewer().equals(version.author()))
                .filter(review -> stillHolds.test(review.reviewer(), review.role()))
                .map(Review::role)
                .collect(Collectors.toSet());
        Set<Role> outstanding = EnumSet.noneOf(Role.class);
        useCase.reviewPolicy().approverRoles().stream().filter(role -> !approved.contains(role)).forEach(outstanding::add);
        return outstanding;
    }

    private static void requireAllowed(ModelVersion version, Action action) {
        Set<Action> allowed = allowedActions(version.stage());
        if (!allowed.contains(action)) {
            throw new AssayException(ErrorCode.ILLEGAL_TRANSITION, version.label() + " is " + version.stage() + "; " + action
                    + " is not allowed there. Allowed: " + (allowed.isEmpty() ? "nothing (the version is final)" : allowed));
        }
    }

    private static void requireRole(Actor actor, Role role, String what) {
        if (!actor.holds(role)) {
            throw new AssayException(ErrorCode.ROLE_REQUIRED, actor.name() + " may not " + what + ": it takes the " + role + " role");
        }
    }

    private static void requireNotAuthor(ModelVersion version, Actor actor, String what) {
        if (actor.name().equals(version.author())) {
            throw new AssayException(ErrorCode.SEGREGATION_OF_DUTIES, actor.name() + " is the author of " + version.label()
                    + " and may not " + what + " it");
        }
    }
}
