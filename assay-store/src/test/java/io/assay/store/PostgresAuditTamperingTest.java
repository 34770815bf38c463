package io.assay.store;

import io.assay.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;

class PostgresAuditTamperingTest extends AuditTamperingContract {
    private PostgresTestDatabase postgres;

    @Override
    protected Database openDatabase() {
        postgres = PostgresTestDatabase.createOrSkip();
        return Database.open(new DatabaseConfig(postgres.url(), postgres.user(), ""));
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
