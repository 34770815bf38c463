package io.assay.store;

import io.assay.core.audit.AuditEvent;
import io.assay.core.data.DataCatalog;
import io.assay.testing.DataCatalogContract;
import io.assay.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;

class PostgresDataCatalogTest extends DataCatalogContract {
    private PostgresTestDatabase postgres;
    private Database database;

    @Override
    protected DataCatalog newCatalog() {
        postgres = PostgresTestDatabase.createOrSkip();
        database = Database.open(new DatabaseConfig(postgres.url(), postgres.user(), ""));
        return database.dataCatalog();
    }

    @Override
    protected List<AuditEvent> auditEvents() {
        List<AuditEvent> events = new ArrayList<>();
        database.registryStore().scanAudit(1, Long.MAX_VALUE, events::add);
        return events;
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
