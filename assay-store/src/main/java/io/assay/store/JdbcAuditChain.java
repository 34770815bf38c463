package io.assay.store;

import io.assay.core.audit.AuditChain;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;

/**
 * Appends to the audit chain inside the caller's transaction: locks the head row (so appends
 * take turns and the chain never forks), links the event to the head, writes both.
 */
public final class JdbcAuditChain {
    /** The statement that writes one event; {@link #bind} fills it. */
    public static final String INSERT = "INSERT INTO audit_events (sequence, event_time, actor, action, subject, before_state, "
            + "after_state, reason, request_id, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private JdbcAuditChain() {}

    /**
     * Sets {@link #INSERT}'s parameters to {@code event} — also for tools that write many linked
     * events at once (benchmarks, tamper tests).
     */
    public static void bind(PreparedStatement insert, AuditEvent event) throws SQLException {
        AuditEntry e = event.entry();
        insert.setLong(1, event.sequence());
        insert.setObject(2, e.time().atOffset(ZoneOffset.UTC));
        insert.setString(3, e.actor());
        insert.setString(4, e.action());
        insert.setString(5, e.subject());
        insert.setString(6, e.before());
        insert.setString(7, e.after());
        insert.setString(8, e.reason());
        insert.setString(9, e.requestId());
        insert.setString(10, event.previousHash());
        insert.setString(11, event.hash());
    }

    /** Appends inside the caller's transaction; see the class comment. */
    static AuditEvent append(Connection connection, AuditEntry entry) throws SQLException {
        long sequence;
        String previousHash;
        try (PreparedStatement head = connection.prepareStatement("SELECT sequence, hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet row = head.executeQuery()) {
            row.next();
            sequence = row.getLong(1) + 1;
            previousHash = row.getString(2);
        }
        AuditEvent event = AuditChain.link(sequence, previousHash, entry);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, event);
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE audit_head SET sequence = ?, hash = ? WHERE id = 1")) {
            update.setLong(1, event.sequence());
            update.setString(2, event.hash());
            update.executeUpdate();
        }
        return event;
    }
}
