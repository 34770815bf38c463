package io.assay.store;

import io.assay.core.audit.AuditEvent;
import io.assay.core.data.DataCatalog;
import io.assay.testing.DataCatalogContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class SqliteDataCatalogTest extends DataCatalogContract {
    @TempDir
    Path home;
    private Database database;

    @Override
    protected DataCatalog newCatalog() {
        database = Database.open(DatabaseConfig.embedded(home));
        return database.dataCatalog();
    }

    @Override
    protected List<AuditEvent> auditEvents() {
        List<AuditEvent> events = new ArrayList<>();
        database.registryStore().scanAudit(1, Long.MAX_VALUE, events::add);
        return events;
    }

    @AfterEach
    void close() {
        database.close();
    }
}
