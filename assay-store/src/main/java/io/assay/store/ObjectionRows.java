package io.assay.store;

import io.assay.core.registry.Objection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The objection registry: one row per objecting customer's token. */
final class ObjectionRows {
    private static final String COLUMNS = "customer, recorded_by, recorded_at, note";

    private ObjectionRows() {}

    static List<Objection> all(Sql sql) {
        return sql.query("SELECT " + COLUMNS + " FROM marketing_objections ORDER BY recorded_at, customer", row -> objection(sql, row));
    }

    static Optional<Objection> find(Sql sql, String customer) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM marketing_objections WHERE customer = ?", row -> objection(sql, row), customer);
    }

    static void insert(Sql sql, Objection o) {
        sql.insert("INSERT INTO marketing_objections (" + COLUMNS + ") VALUES (?, ?, ?, ?)",
                "customer " + o.customer() + " objects to marketing already", o.customer(), o.recordedBy(), o.recordedAt(), o.note());
    }

    static void delete(Sql sql, String customer) {
        sql.update("DELETE FROM marketing_objections WHERE customer = ?", customer);
    }

    private static Objection objection(Sql sql, ResultSet row) throws SQLException {
        return new Objection(row.getString("customer"), row.getString("recorded_by"), sql.instant(row, "recorded_at"), row.getString("note"));
    }
}
