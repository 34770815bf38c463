package io.assay.store;

import io.assay.core.data.DataCatalog;
import io.assay.testing.DataCatalogContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2DataCatalogTest extends DataCatalogContract {
    @TempDir
    Path home;

    @Override
    protected DataCatalog newCatalog() {
        return Database.open(DatabaseConfig.embedded(home)).dataCatalog();
    }
}
