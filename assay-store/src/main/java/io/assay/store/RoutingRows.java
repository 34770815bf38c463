package io.assay.store;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.Environment;
import io.assay.core.registry.Routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The routing table: one row per use case and environment, written with its revision checked. */
final class RoutingRows {
    private static final String COLUMNS = "use_case, environment, champion, canary, canary_percent, shadows, revision, updated_by, "
            + "updated_at, reason";

    private RoutingRows() {}

    static List<Routing> of(Connection connection, String useCase) throws SQLException {
        return Transactions.query(connection, "SELECT " + COLUMNS + " FROM routing WHERE use_case = ? ORDER BY environment DESC",
                new Object[] {useCase}, RoutingRows::routing);
    }

    static Optional<Routing> find(Connection connection, String useCase, Environment environment) throws SQLException {
        return Transactions.query(connection, "SELECT " + COLUMNS + " FROM routing WHERE use_case = ? AND environment = ?",
                new Object[] {useCase, environment.name()}, RoutingRows::routing).stream().findFirst();
    }

    static void save(Connection connection, Routing r) throws SQLException {
        String sql = r.revision() == 1
                ? "INSERT INTO routing (champion, canary, canary_percent, shadows, revision, updated_by, updated_at, reason, use_case, "
                        + "environment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE routing SET champion = ?, canary = ?, canary_percent = ?, shadows = ?, revision = ?, updated_by = ?, "
                        + "updated_at = ?, reason = ? WHERE use_case = ? AND environment = ? AND revision = " + (r.revision() - 1);
        int changed;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            setNullable(statement, 1, r.champion());
            setNullable(statement, 2, r.canary());
            statement.setInt(3, r.canaryPercent());
            statement.setString(4, r.shadows().stream().map(String::valueOf).collect(Collectors.joining(",")));
            statement.setLong(5, r.revision());
            statement.setString(6, r.updatedBy());
            statement.setObject(7, r.updatedAt().atOffset(ZoneOffset.UTC));
            statement.setString(8, r.reason());
            statement.setString(9, r.useCase());
            statement.setString(10, r.environment().name());
            changed = statement.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                changed = 0;
            } else {
                throw e;
            }
        }
        if (changed == 0) {
            throw new AssayException(ErrorCode.CONCURRENT_CHANGE, "the " + r.environment() + " routing of " + r.useCase()
                    + " was changed by someone else meanwhile; look again");
        }
    }

    private static Routing routing(ResultSet row) throws SQLException {
        String shadows = row.getString("shadows");
        return new Routing(row.getString("use_case"), Environment.valueOf(row.getString("environment")), nullable(row, "champion"),
                nullable(row, "canary"), row.getInt("canary_percent"),
                shadows.isEmpty() ? List.of() : Arrays.stream(shadows.split(",")).map(Integer::valueOf).toList(),
                row.getLong("revision"), row.getString("updated_by"), row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getString("reason"));
    }

    private static Optional<Integer> nullable(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static void setNullable(PreparedStatement statement, int index, Optional<Integer> value) throws SQLException {
        if (value.isPresent()) {
            statement.setInt(index, value.get());
        } else {
            statement.setNull(index, Types.INTEGER);
        }
    }
}
