package io.assay.server.local;

import io.assay.core.access.TokenService;
import io.assay.core.access.UserService;
import io.assay.core.audit.AuditService;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.RegistryStore;
import io.assay.core.registry.RoutingPolicy;
import io.assay.core.registry.RoutingService;
import io.assay.core.common.IdSource;
import io.assay.core.data.DataCatalog;
import io.assay.data.DataEnvironment;
import io.assay.data.DataLayout;
import io.assay.core.registry.ArtifactStore;
import io.assay.store.FileArtifactStore;
import io.assay.train.ModelService;
import io.assay.train.TrainingService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The core services and the data environment the API runs on, built once by a composition root (the CLI session or the server). */
public record Services(ModelRegistry registry, RoutingService routing, UserService users, TokenService tokens, AuditService audit,
                       ArtifactStore artifacts, DataEnvironment data, TrainingService training, ModelService models, Clock clock) {
    public Services {
        requireNonNull(registry, "registry is null");
        requireNonNull(routing, "routing is null");
        requireNonNull(users, "users is null");
        requireNonNull(tokens, "tokens is null");
        requireNonNull(audit, "audit is null");
        requireNonNull(artifacts, "artifacts is null");
        requireNonNull(data, "data is null");
        requireNonNull(training, "training is null");
        requireNonNull(models, "models is null");
        requireNonNull(clock, "clock is null");
    }

    /**
     * The services over one registry store and data catalog, with model files and snapshots kept under the home.
     *
     * @param pseudonymKey the key from the environment, if set (else the home's key file, made on first ingest)
     */
    public static Services over(RegistryStore store, DataCatalog catalog, Path home, Clock clock, Optional<String> pseudonymKey) {
        ModelRegistry registry = new ModelRegistry(store, new LifecyclePolicy(), clock);
        ArtifactStore artifacts = new FileArtifactStore(home.resolve("artifacts"));
        DataEnvironment data = new DataEnvironment(new DataLayout(home), catalog, store, store, clock, IdSource.random(), pseudonymKey);
        TrainingService training = new TrainingService(home, data.features(), data.access(), store, clock, IdSource.random());
        ModelService models = new ModelService(registry, artifacts, training, data.features(), data.access(), store, clock, IdSource.random());
        return new Services(registry, new RoutingService(store, new RoutingPolicy(), clock), new UserService(store, clock),
                new TokenService(store, clock), new AuditService(store, clock), artifacts, data, training, models, clock);
    }
}
