package io.assay.testing;

import io.assay.core.registry.RegistryStore;

class InMemoryRegistryStoreTest extends RegistryStoreContract {
    @Override
    protected RegistryStore newStore() {
        return new InMemoryRegistryStore();
    }
}
