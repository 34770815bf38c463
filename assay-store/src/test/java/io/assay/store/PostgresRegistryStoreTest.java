package io.assay.store;

import io.assay.core.registry.RegistryStore;
import io.assay.testing.PostgresTestDatabase;
import io.assay.testing.RegistryStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresRegistryStoreTest extends RegistryStoreContract {
    private PostgresTestDatabase postgres;

    @Override
    protected RegistryStore newStore() {
        postgres = PostgresTestDatabase.createOrSkip();
        return Database.open(new DatabaseConfig(postgres.url(), postgres.user(), "")).registryStore();
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
