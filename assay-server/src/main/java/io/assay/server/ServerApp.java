package io.assay.server;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.server.local.Services;
import io.assay.core.registry.Environment;
import io.assay.server.http.ApiServer;
import io.assay.server.scoring.ScoringPlane;
import io.assay.store.Database;
import io.assay.store.DatabaseConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The server's composition root: checks the profile, opens the metadata database, builds the
 * services, makes the first admin token on an embedded home, and starts the API. Closing it
 * stops the API and closes the database.
 */
public final class ServerApp implements AutoCloseable {
    private final Database database;
    private final ApiServer api;
    private final ScoringPlane scoring;

    private ServerApp(Database database, ApiServer api, ScoringPlane scoring) {
        this.database = database;
        this.api = api;
        this.scoring = scoring;
    }

    /**
     * @param secretHex the pseudonymisation key from the environment, if set (production requires it)
     * @param notices   where lines for the operator go (where the admin token is, warnings)
     */
    public static ServerApp start(ServerConfig config, DatabaseConfig databaseConfig, Path home, Optional<String> secretHex,
                                  Clock clock, String version, Consumer<String> notices) {
        return start(config, Environment.PRODUCTION, databaseConfig, home, secretHex, clock, version, notices);
    }

    /** @param environment whose routing the data plane beside the control plane serves */
    public static ServerApp start(ServerConfig config, Environment environment, DatabaseConfig databaseConfig, Path home,
                                  Optional<String> secretHex, Clock clock, String version, Consumer<String> notices) {
        ProductionProfile.check(config, databaseConfig, secretHex);
        Database database = Database.open(databaseConfig);
        try {
            Services services = Services.over(database.registryStore(), database.dataCatalog(), home, clock, secretHex);
            if (config.profile() == ServerConfig.Profile.EMBEDDED) {
                notices.accept(AdminToken.ensure(home, services, config.localUser().orElseThrow()));
            }
            if (!config.authenticationRequired()) {
                notices.accept("WARNING: authentication is off; every call without a token acts as " + config.localUser().orElseThrow()
                        + ". Never expose this server beyond this machine.");
            }
            // The embedded default runs the data plane beside the control plane.
            ScoringPlane scoring = ScoringPlane.start(environment, database.registryStore(), services, home, clock);
            try {
                ApiServer api = ApiServer.create(config, services, scoring.service(), () -> health(database), home.resolve("tmp"),
                        version).start();
                return new ServerApp(database, api, scoring);
            } catch (RuntimeException e) {
                scoring.close();
                throw e;
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return api.port();
    }

    public ApiServer api() {
        return api;
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            try {
                scoring.close();
            } finally {
                database.close();
            }
        }
    }

    private static Map<String, Object> health(Database database) {
        try (Connection connection = database.readSource().getConnection()) {
            if (!connection.isValid(2)) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "the metadata database does not answer");
            }
        } catch (SQLException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "the metadata database does not answer");
        }
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        health.put("checks", List.of("database"));
        return health;
    }
}
