package io.assay.cli;

import io.assay.core.common.IdSource;
import io.assay.data.DataEnvironment;
import io.assay.data.DataLayout;
import io.assay.store.Database;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The composition root of one command: the only place that opens the database and builds the
 * services over it. Opened lazily, so commands that need no storage (bank simulate) touch none.
 */
public final class Session implements AutoCloseable {
    private final AssayConfig config;
    private final CliEnvironment environment;
    private Database database;
    private DataEnvironment data;

    public Session(AssayConfig config, CliEnvironment environment) {
        this.config = requireNonNull(config, "config is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    public AssayConfig config() {
        return config;
    }

    public DataEnvironment data() {
        if (data == null) {
            data = new DataEnvironment(new DataLayout(config.home()), database().dataCatalog(), environment.clock(),
                    IdSource.random(), config.pseudonymKey());
        }
        return data;
    }

    public Database database() {
        if (database == null) {
            database = Database.open(config.database());
        }
        return database;
    }

    public Optional<Database> openedDatabase() {
        return Optional.ofNullable(database);
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}
