package io.assay.server.scoring;

import io.assay.core.registry.ArtifactStore;
import io.assay.core.registry.Environment;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.RegistryStore;
import io.assay.core.registry.Routing;
import io.assay.core.registry.UseCase;
import io.assay.serving.ServingSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What an environment serves, read from the registry of a home and its artifact store when the data plane refreshes. */
public final class RegistryServingSource implements ServingSource {
    private final RegistryStore store;
    private final ArtifactStore artifacts;

    public RegistryServingSource(RegistryStore store, ArtifactStore artifacts) {
        this.store = requireNonNull(store, "store is null");
        this.artifacts = requireNonNull(artifacts, "artifacts is null");
    }

    @Override
    public List<Planned> plan(Environment environment) {
        List<Planned> plan = new ArrayList<>();
        for (UseCase useCase : store.listUseCases()) {
            Optional<Routing> routing = store.listRouting(useCase.name()).stream().filter(r -> r.environment() == environment).findFirst();
            if (routing.isEmpty() || routing.get().champion().isEmpty()) {
                continue;
            }
            Map<Integer, String> bundles = new HashMap<>();
            for (int number : routing.get().versions()) {
                store.findVersion(useCase.name(), number).map(ModelVersion::artifact)
                        .ifPresent(artifact -> bundles.put(number, artifact.sha256()));
            }
            if (bundles.keySet().containsAll(routing.get().versions())) {
                plan.add(new Planned(routing.get(), bundles, useCase.marketingPurpose()));
            }
        }
        return plan;
    }

    @Override
    public Optional<byte[]> bundle(String sha256) {
        return artifacts.read(sha256);
    }
}
