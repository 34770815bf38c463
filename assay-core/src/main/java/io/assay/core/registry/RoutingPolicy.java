package io.assay.core.registry;

import io.assay.core.access.Actor;
import io.assay.core.access.Permission;
import io.assay.core.access.Role;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Every rule about routing, in one pure class: only MLOps routes; only a PRODUCTION version
 * serves production; canaries and shadows there must be TESTED (or the champion's peers in
 * PRODUCTION); the test environment takes any approved version. And routing follows the
 * lifecycle: a promoted version becomes production's champion, and a version that leaves the
 * stages an environment takes is withdrawn from it in the same transaction.
 */
public final class RoutingPolicy {

    /**
     * @param rolesNow the roles each person holds now: a production canary answers customers, so, as at
     *                 promotion, its approvals count only from people who still hold the role they approved under
     */
    public Routing change(Routing current, RoutingChange change, Actor actor, UseCase useCase, IntFunction<Optional<ModelVersion>> versions,
                          Function<String, Set<Role>> rolesNow, Instant now) {
        Permission.OPERATE_MODELS.require(actor);
        if (change.expectedRevision().isPresent() && change.expectedRevision().get() != current.revision()) {
            throw new AssayException(ErrorCode.CONCURRENT_CHANGE, "the " + current.environment() + " routing of " + current.useCase()
                    + " is at revision " + current.revision() + ", not " + change.expectedRevision().get() + " as expected ("
                    + current.describe() + "); look again");
        }
        Environment environment = current.environment();
        change.champion().ifPresent(number -> require(environment, versions.apply(number), number, current.useCase(), true));
        change.canary().ifPresent(number -> require(environment, versions.apply(number), number, current.useCase(), false));
        if (environment == Environment.PRODUCTION) {
            // A canary answers customers, so it must be what promotion demands.
            change.canary().flatMap(versions::apply).ifPresent(canary -> LifecyclePolicy.requireFitToAnswerCustomers(canary, useCase,
                    actor, rolesNow, "be a canary"));
        }
        change.shadows().forEach(number -> require(environment, versions.apply(number), number, current.useCase(), false));
        requireNoneOwnNewlyRouted(current, change, actor, versions);
        return new Routing(current.useCase(), environment, change.champion(), change.canary(), change.canaryPercent(),
                change.shadows(), current.revision() + 1, actor.name(), now, "routed by " + actor.name());
    }

    /** Production's routing once {@code promoted} is promoted: it is the champion, and nothing else. */
    public Routing followPromotion(Routing production, ModelVersion promoted, String actorName, Instant now) {
        int number = promoted.number();
        return new Routing(production.useCase(), production.environment(), Optional.of(number),
                production.canary().filter(v -> v != number), production.canary().filter(v -> v != number).isPresent()
                        ? production.canaryPercent() : 0,
                production.shadows().stream().filter(v -> v != number).toList(), production.revision() + 1, actorName, now,
                promoted.label() + " promoted: it is the champion now");
    }

    /**
     * The routing without {@code version} wherever its stage no longer allows it there; the same
     * routing when nothing changes. A withdrawn champion takes its canary with it: traffic is
     * never handed to a challenger without someone deciding so.
     */
    public Routing withdrawIfNotAllowed(Routing current, ModelVersion version, String actorName, Instant now) {
        Environment environment = current.environment();
        int number = version.number();
        boolean championGoes = current.champion().filter(v -> v == number).isPresent() && !environment.mayServe(version.stage());
        boolean canaryGoes = current.canary().filter(v -> v == number).isPresent() && !environment.mayChallenge(version.stage());
        boolean shadowGoes = current.shadows().contains(number) && !environment.mayChallenge(version.stage());
        if (!championGoes && !canaryGoes && !shadowGoes) {
            return current;
        }
        Optional<Integer> champion = championGoes ? Optional.empty() : current.champion();
        Optional<Integer> canary = championGoes || canaryGoes ? Optional.empty() : current.canary();
        List<Integer> shadows = current.shadows().stream().filter(v -> v != number || !shadowGoes).toList();
        return new Routing(current.useCase(), environment, champion, canary, canary.isPresent() ? current.canaryPercent() : 0, shadows,
                current.revision() + 1, actorName, now, version.label() + " is " + version.stage() + " and was withdrawn from "
                + environment + (championGoes && current.canary().isPresent() ? " (its canary with it)" : ""));
    }

    /**
     * Nobody routes their own version anywhere: as champion, canary or shadow, in any environment.
     * A version already in that place stays (someone else put it there); routing it anew is refused.
     */
    private static void requireNoneOwnNewlyRouted(Routing current, RoutingChange change, Actor actor,
                                                  IntFunction<Optional<ModelVersion>> versions) {
        List<Integer> added = new java.util.ArrayList<>();
        change.champion().filter(number -> !current.champion().equals(Optional.of(number))).ifPresent(added::add);
        change.canary().filter(number -> !current.canary().equals(Optional.of(number))).ifPresent(added::add);
        change.shadows().stream().filter(number -> !current.shadows().contains(number)).forEach(added::add);
        for (int number : added) {
            versions.apply(number).filter(version -> version.author().equals(actor.name())).ifPresent(own -> {
                throw new AssayException(ErrorCode.SEGREGATION_OF_DUTIES, actor.name() + " is the author of " + own.label()
                        + " and may not route it; another member of the MLOps team does");
            });
        }
    }

    private static void require(Environment environment, Optional<ModelVersion> found, int number, String useCase, boolean champion) {
        ModelVersion version = found.orElseThrow(() -> AssayException.notFound("no version " + number + " of use case " + useCase));
        boolean allowed = champion ? environment.mayServe(version.stage()) : environment.mayChallenge(version.stage());
        if (!allowed) {
            throw new AssayException(ErrorCode.NOT_ROUTABLE, version.label() + " is " + version.stage() + "; as "
                    + (champion ? "champion" : "canary or shadow") + " in " + environment + " a version must be "
                    + allowedStages(environment, champion));
        }
    }

    private static List<Stage> allowedStages(Environment environment, boolean champion) {
        return java.util.Arrays.stream(Stage.values())
                .filter(stage -> champion ? environment.mayServe(stage) : environment.mayChallenge(stage)).toList();
    }
}
