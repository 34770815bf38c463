package io.assay.store;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One connection and one transaction per unit of work: committed when it returns, rolled back when it throws. */
final class Transactions {
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Carries an unexpected SQLException out of a lambda, to be reported as a storage failure. */
    static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlFailure(SQLException cause) {
            super(cause);
        }
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T run(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SqlFailure e) {
            throw storageFailure(what, (SQLException) e.getCause());
        } catch (SQLException e) {
            throw storageFailure(what, e);
        }
    }

    static <T> List<T> query(Connection connection, String sql, Object[] parameters, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> mapped = new ArrayList<>();
                while (rows.next()) {
                    mapped.add(mapper.map(rows));
                }
                return mapped;
            }
        }
    }

    /**
     * The SQL state and the message's first line, cut where a quoted value begins: never the
     * statement's values (H2 quotes the offending value in single quotes, and it may be customer
     * data or stored audit text); identifiers, in double quotes, stay.
     */
    private static AssayException storageFailure(String what, SQLException e) {
        String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        int quote = first.indexOf('\'');
        String shown = quote < 0 ? first : first.substring(0, quote).strip() + " (value withheld)";
        return new AssayException(ErrorCode.STORAGE_FAILURE, "metadata database failed to " + what + " (SQLState "
                + e.getSQLState() + "): " + shown, e);
    }
}
