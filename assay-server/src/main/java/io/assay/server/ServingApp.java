package io.assay.server;

import io.assay.core.registry.Environment;
import io.assay.server.http.ScoringServer;
import io.assay.server.local.Services;
import io.assay.server.scoring.ScoringPlane;
import io.assay.store.Database;
import io.assay.store.DatabaseConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The scoring-only process's composition root ({@code assay serve --env E}): one environment's
 * data plane on its own lean HTTP server, with no control plane beside it. It reads routing,
 * bundles, serving tables, objections and tokens from the home in the background, never per
 * request, so several can serve one home. Every call needs a token, whatever the profile.
 * Closing it drains the requests in flight, then flushes the decision log.
 */
public final class ServingApp implements AutoCloseable {
    /** How long a stop (SIGTERM) waits for answers in flight; a load balancer's deregistration usually takes less. */
    public static final Duration DRAIN = Duration.ofSeconds(20);

    private final Database database;
    private final ScoringPlane plane;
    private final ScoringServer server;

    private ServingApp(Database database, ScoringPlane plane, ScoringServer server) {
        this.database = database;
        this.plane = plane;
        this.server = server;
    }

    public static ServingApp start(ServerConfig config, Environment environment, DatabaseConfig databaseConfig, Path home,
                                   Optional<String> secretHex, Clock clock) {
        ProductionProfile.check(config, databaseConfig, secretHex);
        Database database = Database.open(databaseConfig);
        try {
            Services services = Services.over(database.registryStore(), database.dataCatalog(), home, clock, secretHex);
            ScoringPlane plane = ScoringPlane.start(environment, database.registryStore(), services, home, clock);
            try {
                ScoringServer server = ScoringServer.start(config.host(), config.port(), config.maxBodyBytes(), plane.service(),
                        plane::authenticate, DRAIN);
                return new ServingApp(database, plane, server);
            } catch (RuntimeException e) {
                plane.close();
                throw e;
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                plane.close();
            } finally {
                database.close();
            }
        }
    }
}
