package io.assay.testing;

import io.assay.core.data.DataCatalog;

class InMemoryDataCatalogTest extends DataCatalogContract {
    @Override
    protected DataCatalog newCatalog() {
        return new InMemoryDataCatalog();
    }
}
