package io.assay.core.registry;

import io.assay.core.access.Actor;
import io.assay.core.access.Permission;
import io.assay.core.access.User;
import io.assay.core.audit.AuditEntry;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Routing as a use case: read both environments, or change one (load, policy, save the routing
 * and its audit event in one transaction). The scoring side reads what is stored here.
 */
public final class RoutingService {
    private final RegistryStore store;
    private final RoutingPolicy policy;
    private final AuditedChanges changes;

    public RoutingService(RegistryStore store, RoutingPolicy policy, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.changes = new AuditedChanges(store, clock);
    }

    /** The routing of every environment, TEST first; an environment never routed shows as empty. */
    public List<Routing> routing(String actorName, String useCase) {
        Permission.READ_REGISTRY.require(store.activeActor(actorName));
        store.findUseCase(useCase).orElseThrow(() -> AssayException.notFound("no use case " + Names.quoted(useCase)));
        List<Routing> stored = store.listRouting(useCase);
        return Arrays.stream(Environment.values()).map(environment -> stored.stream().filter(r -> r.environment() == environment)
                .findFirst().orElseGet(() -> Routing.empty(useCase, environment))).toList();
    }

    public Routing change(String actorName, String useCase, Environment environment, RoutingChange change, String requestId) {
        RegistryNames.requireUseCaseName(useCase);
        Routing subject = Routing.empty(useCase, environment);
        return changes.run(actorName, "routing.change", subject.subject(), requestId, tx -> {
            Actor actor = tx.activeActor(actorName);
            Permission.OPERATE_MODELS.require(actor);
            UseCase found = tx.findUseCase(useCase).orElseThrow(() -> AssayException.notFound("no use case " + Names.quoted(useCase)));
            Routing before = tx.findRouting(useCase, environment).orElse(subject);
            Routing after = policy.change(before, change, actor, found, number -> tx.findVersion(useCase, number), tx::rolesNow,
                    changes.now());
            tx.saveRouting(after);
            tx.appendAudit(entry(before, after, actorName, requestId));
            return after;
        });
    }

    static AuditEntry entry(Routing before, Routing after, String actorName, String requestId) {
        return new AuditEntry(after.updatedAt(), actorName, "routing.change", after.subject(), before.describe(), after.describe(),
                after.reason(), requestId);
    }

    /**
     * Makes the routings of a use case follow a lifecycle step taken in {@code tx}: a promoted
     * version becomes production's champion, and every routed version whose stage no longer
     * allows it where it is gets withdrawn. Each change is saved and audited in the same
     * transaction as the step, so routing never points at a version governance took away.
     */
    static void followLifecycle(RegistryTransaction tx, RoutingPolicy policy, String useCase, Optional<ModelVersion> promoted,
                                String actorName, String requestId, java.time.Instant now) {
        for (Environment environment : Environment.values()) {
            Optional<Routing> stored = tx.findRouting(useCase, environment);
            if (stored.isEmpty() && (promoted.isEmpty() || environment != Environment.PRODUCTION)) {
                continue;
            }
            Routing before = stored.orElse(Routing.empty(useCase, environment));
            Routing after = environment == Environment.PRODUCTION && promoted.isPresent()
                    ? policy.followPromotion(before, promoted.get(), actorName, now) : before;
            List<String> reasons = new java.util.ArrayList<>();
            if (after != before) {
                reasons.add(after.reason());
            }
            for (int number : after.versions()) {
                Optional<ModelVersion> version = tx.findVersion(useCase, number);
                if (version.isPresent()) {
                    Routing withdrawn = policy.withdrawIfNotAllowed(after, version.get(), actorName, now);
                    if (withdrawn != after) {
                        reasons.add(withdrawn.reason());
                    }
                    after = withdrawn;
                }
            }
            if (!reasons.isEmpty()) {
                Routing saved = new Routing(useCase, environment, after.champion(), after.canary(), after.canaryPercent(),
                        after.shadows(), before.revision() + 1, actorName, now, String.join("; ", reasons));
                tx.saveRouting(saved);
                tx.appendAudit(entry(before, saved, actorName, requestId));
            }
        }
    }
}
