package io.assay.testing;

import io.assay.core.audit.AuditEvent;
import io.assay.core.data.DataCatalog;

import java.util.List;

class InMemoryDataCatalogTest extends DataCatalogContract {
    private InMemoryDataCatalog catalog;

    @Override
    protected DataCatalog newCatalog() {
        catalog = new InMemoryDataCatalog();
        return catalog;
    }

    @Override
    protected List<AuditEvent> auditEvents() {
        return catalog.auditEvents();
    }
}
