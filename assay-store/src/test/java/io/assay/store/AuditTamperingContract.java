package io.assay.store;

import io.assay.core.access.UserService;
import io.assay.core.audit.AuditChain;
import io.assay.core.audit.AuditCheckpoint;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;
import io.assay.core.audit.AuditService;
import io.assay.core.audit.AuditVerification;
import io.assay.core.registry.RegistryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with database access edits the audit table directly; verify names the event where the
 * chain breaks. Run against each real database, because the attacks are SQL.
 */
abstract class AuditTamperingContract {
    private Database database;
    private RegistryStore store;
    private AuditService audit;

    protected abstract Database openDatabase();

    @BeforeEach
    void tenEvents() {
        database = openDatabase();
        store = database.registryStore();
        audit = new AuditService(store, Clock.systemUTC());
        new UserService(store, Clock.systemUTC()).bootstrapAdmin("dana");
        for (int i = 2; i <= 10; i++) {
            int n = i;
            store.inTransaction(tx -> tx.appendAudit(new AuditEntry(Instant.parse("2026-11-28T10:00:00Z").plusSeconds(n), "dana",
                    "version.submit", "model:churn/v" + n, "DRAFT", "CANDIDATE", "step " + n, "req-" + n)));
        }
        assertThat(audit.verify(Optional.empty()).intact()).isTrue();
    }

    @Test
    void an_updated_event_is_caught_at_its_sequence() throws SQLException {
        sql("UPDATE audit_events SET actor = 'mallory' WHERE sequence = 4");

        assertThat(audit.verify(Optional.empty()).firstBrokenSequence()).contains(4L);
    }

    @Test
    void a_deleted_event_is_caught_at_its_sequence() throws SQLException {
        sql("DELETE FROM audit_events WHERE sequence = 6");

        AuditVerification result = audit.verify(Optional.empty());

        assertThat(result.firstBrokenSequence()).contains(6L);
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void an_inserted_event_is_caught_at_its_sequence() throws SQLException {
        sql("UPDATE audit_events SET sequence = sequence + 100 WHERE sequence >= 5");
        sql("UPDATE audit_events SET sequence = sequence - 99 WHERE sequence >= 105");
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_events (sequence, event_time, actor, action, "
                     + "subject, before_state, after_state, reason, request_id, previous_hash, hash) VALUES (5, ?, 'mallory', "
                     + "'version.promote', 'model:churn/v9', 'TESTED', 'PRODUCTION', 'forged', 'x', ?, ?)")) {
            insert.setObject(1, database.dialect().instant(Instant.parse("2026-11-28T10:00:04.500Z")));
            insert.setString(2, "0".repeat(64));
            insert.setString(3, "f".repeat(64));
            insert.executeUpdate();
        }

        assertThat(audit.verify(Optional.empty()).firstBrokenSequence()).contains(5L);
    }

    @Test
    void events_cut_from_the_end_are_caught_by_the_recorded_head() throws SQLException {
        sql("DELETE FROM audit_events WHERE sequence > 8");

        AuditVerification result = audit.verify(Optional.empty());

        assertThat(result.firstBrokenSequence()).contains(9L);
        assertThat(result.problem()).contains("removed from the end");
    }

    @Test
    void reordered_events_are_caught_at_the_first_moved_one() throws SQLException {
        sql("UPDATE audit_events SET sequence = 1000 WHERE sequence = 7");
        sql("UPDATE audit_events SET sequence = 7 WHERE sequence = 8");
        sql("UPDATE audit_events SET sequence = 8 WHERE sequence = 1000");

        assertThat(audit.verify(Optional.empty()).firstBrokenSequence()).contains(7L);
    }

    @Test
    void a_complete_consistent_rehash_passes_alone_and_is_caught_against_an_exported_checkpoint() throws SQLException {
        AuditCheckpoint checkpoint = audit.checkpoint("dana", "req");
        List<AuditEvent> events = new ArrayList<>();
        store.scanAudit(1, Long.MAX_VALUE, events::add);
        sql("DELETE FROM audit_events WHERE sequence >= 3");
        AuditEvent previous = events.get(1);
        try (Connection connection = database.dataSource().getConnection()) {
            for (AuditEvent original : events.subList(2, events.size())) {
                AuditEntry e = original.entry();
                AuditEvent forged = AuditChain.link(previous, new AuditEntry(e.time(), e.actor(), e.action(), e.subject(), e.before(),
                        e.after(), "rewritten", e.requestId()));
                try (PreparedStatement insert = connection.prepareStatement(JdbcAuditChain.INSERT)) {
                    JdbcAuditChain.bind(database.dialect(), insert, forged);
                    insert.executeUpdate();
                }
                previous = forged;
            }
        }

        sql("UPDATE audit_head SET hash = '" + previous.hash() + "' WHERE id = 1");

        assertThat(audit.verify(Optional.empty()).intact()).isTrue();
        assertThat(audit.verify(Optional.of(checkpoint)).firstBrokenSequence()).contains(checkpoint.sequence());
    }

    @org.junit.jupiter.api.AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        }
    }
}
