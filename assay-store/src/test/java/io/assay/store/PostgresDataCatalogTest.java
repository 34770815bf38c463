package io.assay.store;

import io.assay.core.data.DataCatalog;
import io.assay.testing.DataCatalogContract;
import io.assay.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;

class PostgresDataCatalogTest extends DataCatalogContract {
    private PostgresTestDatabase postgres;

    @Override
    protected DataCatalog newCatalog() {
        postgres = PostgresTestDatabase.createOrSkip();
        return Database.open(new DatabaseConfig(postgres.url(), postgres.user(), "")).dataCatalog();
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
