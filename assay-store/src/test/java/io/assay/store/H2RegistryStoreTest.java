package io.assay.store;

import io.assay.core.registry.RegistryStore;
import io.assay.testing.RegistryStoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2RegistryStoreTest extends RegistryStoreContract {
    @TempDir
    Path home;

    @Override
    protected RegistryStore newStore() {
        return Database.open(DatabaseConfig.embedded(home)).registryStore();
    }
}
