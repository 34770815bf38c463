package io.assay.store;

import io.assay.core.data.DataCatalog;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.RegistryStore;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * The metadata database, migrated to the schema this build expects, and the stores over it.
 * Opening checks the connection first, so a wrong URL is one clear error rather than a stack trace.
 */
public final class Database implements AutoCloseable {
    private final DatabaseConfig config;
    private final DataSource dataSource;

    private Database(DatabaseConfig config, DataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    public static Database open(DatabaseConfig config) {
        requireNonNull(config, "config is null");
        DataSource direct = dataSource(config);
        try (Connection ignored = direct.getConnection()) {
            // reachable
        } catch (SQLException e) {
            throw new AssayException(ErrorCode.CONFIGURATION, "cannot connect to the metadata database " + config.describe()
                    + ": " + firstLine(e.getMessage()));
        }
        HikariDataSource dataSource = pooled(config, direct);
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new AssayException(ErrorCode.CONFIGURATION, "the metadata database " + config.describe()
                    + " could not be brought to this build's schema: " + firstLine(e.getMessage())
                    + " (a released migration must never be edited; add a new V<n>__*.sql instead)", e);
        }
        return new Database(config, dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DataCatalog dataCatalog() {
        return new JdbcDataCatalog(dataSource);
    }

    public RegistryStore registryStore() {
        return new JdbcRegistryStore(dataSource);
    }

    public String describe() {
        return config.describe();
    }

    /** Closes the connection pool (and with it an embedded database file). */
    @Override
    public void close() {
        ((HikariDataSource) dataSource).close();
    }

    /**
     * A small pool: opening a PostgreSQL connection forks a server process, and opening the
     * embedded H2 file re-reads it, each far slower than the transaction that needs it.
     */
    private static HikariDataSource pooled(DatabaseConfig config, DataSource direct) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(direct);
        pool.setPoolName("assay-metadata");
        pool.setMaximumPoolSize(config.isEmbedded() ? 8 : 16);
        pool.setMinimumIdle(1);
        pool.setAutoCommit(true);
        return new HikariDataSource(pool);
    }

    private static DataSource dataSource(DatabaseConfig config) {
        if (config.isEmbedded()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(config.url());
            h2.setUser(config.user());
            h2.setPassword(config.password());
            return h2;
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(config.url());
        if (!config.user().isEmpty()) {
            postgres.setUser(config.user());
        }
        if (!config.password().isEmpty()) {
            postgres.setPassword(config.password());
        }
        return postgres;
    }

    private static String firstLine(String message) {
        return message == null ? "(no detail)" : message.lines().findFirst().orElse(message);
    }
}
