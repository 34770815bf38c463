package io.assay.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteAuditTamperingTest extends AuditTamperingContract {
    @TempDir
    Path home;

    @Override
    protected Database openDatabase() {
        return Database.open(DatabaseConfig.embedded(home));
    }
}
