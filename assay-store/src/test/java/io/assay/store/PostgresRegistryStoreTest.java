package io.assay.store;

import io.assay.core.registry.RegistryStore;
import io.assay.testing.PostgresTestDatabase;
import io.assay.testing.RegistryStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresRegistryStoreTest extends RegistryStoreContract {
    private PostgresTestDatabase postgres;
    private Database database;

    @Override
    protected RegistryStore newStore() {
        postgres = PostgresTestDatabase.createOrSkip();
        database = Database.open(new DatabaseConfig(postgres.url(), postgres.user(), ""));
        return database.registryStore();
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
