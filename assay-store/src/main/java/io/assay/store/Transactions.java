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

/**
 * One connection and one transaction per unit of work: committed when it returns, rolled back
 * when it throws. Writes and reads take connections from their own pools (the same one on
 * PostgreSQL; see {@link Database} for the embedded file).
 */
final class Transactions {
    interface Work<T> {
        T run(Sql sql) throws SQLException;
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

    private final SqlDialect dialect;
    private final DataSource writes;
    private final DataSource reads;

    Transactions(SqlDialect dialect, DataSource writes, DataSource reads) {
        this.dialect = dialect;
        this.writes = writes;
        this.reads = reads;
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** A transaction that changes something. */
    <T> T write(String what, Work<T> work) {
        return run(writes, what, work);
    }

    /** A transaction that only reads: it sees what was committed before it began and never waits for a writer. */
    <T> T read(String what, Work<T> work) {
        return run(reads, what, work);
    }

    private <T> T run(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new Sql(connection, dialect));
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
     * statement's values (PostgreSQL quotes the offending value in its detail, and it may be customer
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
