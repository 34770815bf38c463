package io.assay.server.local;

import io.assay.core.access.TokenService;
import io.assay.core.access.UserService;
import io.assay.core.audit.AuditService;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.RegistryStore;
import io.assay.core.registry.RoutingPolicy;
import io.assay.core.registry.RoutingService;
import io.assay.store.FileArtifactStore;

import java.nio.file.Path;
import java.time.Clock;

import static java.util.Objects.requireNonNull;

/** The core services governance runs on, built once by a composition root (the CLI session or the server). */
public record Services(ModelRegistry registry, RoutingService routing, UserService users, TokenService tokens, AuditService audit,
                       FileArtifactStore artifacts, Clock clock) {
    public Services {
        requireNonNull(registry, "registry is null");
        requireNonNull(routing, "routing is null");
        requireNonNull(users, "users is null");
        requireNonNull(tokens, "tokens is null");
        requireNonNull(audit, "audit is null");
        requireNonNull(artifacts, "artifacts is null");
        requireNonNull(clock, "clock is null");
    }

    /** The services over one registry store, with model files kept under the home. */
    public static Services over(RegistryStore store, Path home, Clock clock) {
        return new Services(new ModelRegistry(store, new LifecyclePolicy(), clock), new RoutingService(store, new RoutingPolicy(), clock),
                new UserService(store, clock),
                new TokenService(store, clock), new AuditService(store, clock), new FileArtifactStore(home.resolve("artifacts")), clock);
    }
}
