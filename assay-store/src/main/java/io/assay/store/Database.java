package io.assay.store;

import io.assay.core.data.DataCatalog;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.RegistryStore;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * The metadata database, migrated to the schema this build expects, and the stores over it.
 * Opening checks the connection first, so a wrong URL is one clear error rather than a stack trace.
 *
 * <p>A commit is on disk when it returns, on both databases: PostgreSQL with its defaults
 * (fsync, synchronous_commit on); the embedded SQLite file in WAL mode with synchronous=FULL, so
 * the log is synced at every commit and a killed process, or a machine that loses power, keeps
 * every transaction that was answered and none that was not. Writers go through one connection
 * in this process (the pool of one is their queue) and take the database at their first
 * statement (BEGIN IMMEDIATE); another process, a CLI command beside a running server, waits
 * its turn for up to {@link #BUSY_TIMEOUT_MILLIS}. Readers have their own connections and
 * never wait for a writer.
 */
public final class Database implements AutoCloseable {
    /** How long an embedded writer waits for another process's transaction before it fails. */
    static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private final DatabaseConfig config;
    private final HikariDataSource writes;
    private final HikariDataSource reads;

    private Database(DatabaseConfig config, HikariDataSource writes, HikariDataSource reads) {
        this.config = config;
        this.writes = writes;
        this.reads = reads;
    }

    public static Database open(DatabaseConfig config) {
        requireNonNull(config, "config is null");
        if (config.isEmbedded()) {
            prepareEmbeddedFile(config.file());
        }
        DataSource direct = dataSource(config, false);
        try (Connection ignored = direct.getConnection()) {
            // reachable
        } catch (SQLException e) {
            throw new AssayException(ErrorCode.CONFIGURATION, "cannot connect to the metadata database " + config.describe()
                    + ": " + firstLine(e.getMessage()));
        }
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(direct)
                    .locations(config.dialect().migrationLocation())
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new AssayException(ErrorCode.CONFIGURATION, "the metadata database " + config.describe()
                    + " could not be brought to this build's schema: " + firstLine(e.getMessage())
                    + " (a released migration must never be edited; add a new V<n>__*.sql instead)", e);
        }
        if (!config.isEmbedded()) {
            HikariDataSource pool = pooled("assay-metadata", direct, 16);
            return new Database(config, pool, pool);
        }
        HikariDataSource writes = pooled("assay-metadata-writes", dataSource(config, true), 1);
        HikariDataSource reads = pooled("assay-metadata-reads", direct, 4);
        return new Database(config, writes, reads);
    }

    /** Where writes go (the only connection that may change the embedded file in this process). */
    public DataSource dataSource() {
        return writes;
    }

    /** Where reads go: on the embedded file, connections of their own that never wait for the writer. */
    public DataSource readSource() {
        return reads;
    }

    public SqlDialect dialect() {
        return config.dialect();
    }

    public DataCatalog dataCatalog() {
        return new JdbcDataCatalog(transactions());
    }

    public RegistryStore registryStore() {
        return new JdbcRegistryStore(transactions());
    }

    public String describe() {
        return config.describe();
    }

    /** Closes the connection pools (and with them the embedded file). */
    @Override
    public void close() {
        try {
            reads.close();
        } finally {
            writes.close();
        }
    }

    private Transactions transactions() {
        return new Transactions(config.dialect(), writes, reads);
    }

    /**
     * A small pool: opening a PostgreSQL connection forks a server process, and opening the
     * embedded file reads its schema, each far slower than the transaction that needs it.
     */
    private static HikariDataSource pooled(String name, DataSource direct, int size) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(direct);
        pool.setPoolName(name);
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(1);
        pool.setAutoCommit(true);
        return new HikariDataSource(pool);
    }

    private static DataSource dataSource(DatabaseConfig config, boolean writer) {
        if (config.isEmbedded()) {
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            sqlite.enforceForeignKeys(true);
            sqlite.setTransactionMode(writer ? SQLiteConfig.TransactionMode.IMMEDIATE : SQLiteConfig.TransactionMode.DEFERRED);
            SQLiteDataSource source = new SQLiteDataSource(sqlite);
            source.setUrl(config.url());
            return source;
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

    /**
     * SQLite does not make the folder; and a home whose metadata an earlier Assay kept in H2 is
     * named as such rather than silently started afresh beside it.
     */
    private static void prepareEmbeddedFile(Path file) {
        Path folder = file.getParent();
        if (!Files.exists(file) && Files.exists(folder.resolve("assay.mv.db"))) {
            throw new AssayException(ErrorCode.CONFIGURATION, "the metadata in " + folder + " was written by an earlier Assay in H2's "
                    + "format, which could lose answered changes when the process was killed; this version keeps it in SQLite "
                    + "(metadata/assay.db). Start from a new home (--home), or move assay.mv.db aside to start this one afresh");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.CONFIGURATION, "cannot create the metadata folder " + folder + ": " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "(no detail)" : message.lines().findFirst().orElse(message);
    }
}
