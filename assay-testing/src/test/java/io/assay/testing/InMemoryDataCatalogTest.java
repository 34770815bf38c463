package io.assay.testing;

import io.assay.core.access.UserService;
import io.assay.core.audit.AuditEvent;
import io.assay.core.audit.AuditService;
import io.assay.core.data.DataCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** Regression: the fakes kept two chains while the JDBC stores keep one; grants and registry changes now link alike. */
    @Test
    void grants_and_registry_changes_join_one_chain() {
        InMemoryRegistryStore registry = new InMemoryRegistryStore();
        InMemoryDataCatalog shared = new InMemoryDataCatalog(registry);
        new UserService(registry, new SettableClock(DataFixtures.NOW, java.time.ZoneOffset.UTC)).bootstrapAdmin("admin");
        shared.saveGrant(DataFixtures.grant("grant-1", "dana", DataFixtures.NOW));
        shared.recordRead(DataFixtures.read("read-1", "dana", DataFixtures.NOW));

        assertThat(shared.auditEvents()).extracting(event -> event.entry().action())
                .containsExactly("user.add", "data.grant", "data.read");
        assertThat(new AuditService(registry, new SettableClock(DataFixtures.NOW, java.time.ZoneOffset.UTC)).verify(Optional.empty())
                .intact()).isTrue();
    }
}
