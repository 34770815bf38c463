package io.assay.store;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.Environment;
import io.assay.core.registry.Routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The routing table: one row per use case and environment, written with its revision checked. */
final class RoutingRows {
    private static final String COLUMNS = "use_case, environment, champion, canary, canary_percent, shadows, revision, updated_by, "
            + "updated_at, reason";

    private RoutingRows() {}

    static List<Routing> of(Sql sql, String useCase) {
        return sql.query("SELECT " + COLUMNS + " FROM routing WHERE use_case = ? ORDER BY environment DESC", row -> routing(sql, row),
                useCase);
    }

    static Optional<Routing> find(Sql sql, String useCase, Environment environment) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM routing WHERE use_case = ? AND environment = ?", row -> routing(sql, row),
                useCase, environment.name());
    }

    static void save(Sql sql, Routing r) {
        String statement = r.revision() == 1
                ? "INSERT INTO routing (champion, canary, canary_percent, shadows, revision, updated_by, updated_at, reason, use_case, "
                        + "environment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE routing SET champion = ?, canary = ?, canary_percent = ?, shadows = ?, revision = ?, updated_by = ?, "
                        + "updated_at = ?, reason = ? WHERE use_case = ? AND environment = ? AND revision = " + (r.revision() - 1);
        int changed;
        try {
            changed = sql.update(statement, r.champion().orElse(null), r.canary().orElse(null), r.canaryPercent(),
                    r.shadows().stream().map(String::valueOf).collect(Collectors.joining(",")), r.revision(), r.updatedBy(),
                    r.updatedAt(), r.reason(), r.useCase(), r.environment().name());
        } catch (Transactions.SqlFailure e) {
            if (!sql.isUniqueViolation(e)) {
                throw e;
            }
            changed = 0;
        }
        if (changed == 0) {
            throw new AssayException(ErrorCode.CONCURRENT_CHANGE, "the " + r.environment() + " routing of " + r.useCase()
                    + " was changed by someone else meanwhile; look again");
        }
    }

    private static Routing routing(Sql sql, ResultSet row) throws SQLException {
        String shadows = row.getString("shadows");
        return new Routing(row.getString("use_case"), Environment.valueOf(row.getString("environment")), nullable(row, "champion"),
                nullable(row, "canary"), row.getInt("canary_percent"),
                shadows.isEmpty() ? List.of() : Arrays.stream(shadows.split(",")).map(Integer::valueOf).toList(),
                row.getLong("revision"), row.getString("updated_by"), sql.instant(row, "updated_at"), row.getString("reason"));
    }

    private static Optional<Integer> nullable(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
