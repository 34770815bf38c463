package io.assay.store;

import io.assay.core.audit.AuditChain;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The audit chain's rows: appends inside the caller's transaction take the head row (so appends
 * take turns and the chain never forks), link the event to the head, and write both, so an
 * event and the head that covers it commit together or not at all.
 */
public final class JdbcAuditChain {
    static final String COLUMNS = "sequence, event_time, actor, action, subject, before_state, after_state, reason, "
            + "request_id, previous_hash, hash";
    /** The statement that writes one event; {@link #bind} fills it. */
    public static final String INSERT = "INSERT INTO audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private JdbcAuditChain() {}

    /**
     * Sets {@link #INSERT}'s parameters to {@code event} — also for tools that write many linked
     * events at once (benchmarks, tamper tests).
     */
    public static void bind(SqlDialect dialect, PreparedStatement insert, AuditEvent event) throws SQLException {
        AuditEntry e = event.entry();
        insert.setLong(1, event.sequence());
        insert.setObject(2, dialect.instant(e.time()));
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
    static AuditEvent append(Sql sql, AuditEntry entry) throws SQLException {
        long sequence;
        String previousHash;
        try (PreparedStatement head = sql.connection().prepareStatement(sql.dialect().lockAuditHead());
             ResultSet row = head.executeQuery()) {
            row.next();
            sequence = row.getLong(1) + 1;
            previousHash = row.getString(2);
        }
        AuditEvent event = AuditChain.link(sequence, previousHash, entry);
        try (PreparedStatement insert = sql.connection().prepareStatement(INSERT)) {
            bind(sql.dialect(), insert, event);
            insert.executeUpdate();
        }
        sql.update("UPDATE audit_head SET sequence = ?, hash = ? WHERE id = 1", event.sequence(), event.hash());
        return event;
    }

    static AuditEvent event(Sql sql, ResultSet row) throws SQLException {
        return new AuditEvent(row.getLong("sequence"), new AuditEntry(sql.instant(row, "event_time"), row.getString("actor"),
                row.getString("action"), row.getString("subject"), row.getString("before_state"), row.getString("after_state"),
                row.getString("reason"), row.getString("request_id")), row.getString("previous_hash"), row.getString("hash"));
    }
}
