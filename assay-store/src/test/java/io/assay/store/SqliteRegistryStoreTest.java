package io.assay.store;

import io.assay.core.registry.RegistryStore;
import io.assay.testing.RegistryStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteRegistryStoreTest extends RegistryStoreContract {
    @TempDir
    Path home;
    private Database database;

    @Override
    protected RegistryStore newStore() {
        database = Database.open(DatabaseConfig.embedded(home));
        return database.registryStore();
    }

    @AfterEach
    void close() {
        database.close();
    }
}
