package io.assay.testing;

import io.assay.core.registry.ArtifactStore;

class InMemoryArtifactStoreTest extends ArtifactStoreContract {
    @Override
    protected ArtifactStore newStore() {
        return new InMemoryArtifactStore();
    }
}
