package io.assay.store;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One connection inside one transaction, and the dialect it speaks: the statements the row
 * classes run, with parameters converted for the dialect and unexpected SQL failures carried
 * out as {@link Transactions.SqlFailure}, to be reported as one storage failure.
 */
final class Sql {
    private final Connection connection;
    private final SqlDialect dialect;

    Sql(Connection connection, SqlDialect dialect) {
        this.connection = requireNonNull(connection, "connection is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    SqlDialect dialect() {
        return dialect;
    }

    Connection connection() {
        return connection;
    }

    <T> List<T> query(String sql, Transactions.RowMapper<T> mapper, Object... parameters) {
        try {
            return Transactions.query(connection, sql, bound(parameters), mapper);
        } catch (SQLException e) {
            throw new Transactions.SqlFailure(e);
        }
    }

    <T> Optional<T> queryOne(String sql, Transactions.RowMapper<T> mapper, Object... parameters) {
        return query(sql, mapper, parameters).stream().findFirst();
    }

    int update(String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Object[] values = bound(parameters);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new Transactions.SqlFailure(e);
        }
    }

    /** An update whose unique violation means that what it writes exists already. */
    int insert(String sql, String alreadyExists, Object... parameters) {
        try {
            return update(sql, parameters);
        } catch (Transactions.SqlFailure e) {
            if (isUniqueViolation(e)) {
                throw new AssayException(ErrorCode.ALREADY_EXISTS, alreadyExists);
            }
            throw e;
        }
    }

    boolean isUniqueViolation(Transactions.SqlFailure failure) {
        return dialect.isUniqueViolation((SQLException) failure.getCause());
    }

    Instant instant(ResultSet row, String column) throws SQLException {
        return dialect.instant(row, column);
    }

    Instant instant(ResultSet row, int column) throws SQLException {
        return dialect.instant(row, column);
    }

    Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        return dialect.optionalInstant(row, column);
    }

    LocalDate date(ResultSet row, String column) throws SQLException {
        return dialect.date(row, column);
    }

    /** Instants and dates in the dialect's form; everything else as it is. */
    private Object[] bound(Object[] parameters) {
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                value = dialect.instant(instant);
            } else if (value instanceof LocalDate date) {
                value = dialect.date(date);
            }
            values[i] = value;
        }
        return values;
    }
}
