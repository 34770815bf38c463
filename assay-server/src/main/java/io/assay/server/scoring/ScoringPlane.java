package io.assay.server.scoring;

import io.assay.core.access.Actor;
import io.assay.core.access.TokenService;
import io.assay.core.access.TokenSnapshot;
import io.assay.core.common.IdSource;
import io.assay.core.registry.Environment;
import io.assay.server.local.Services;
import io.assay.serving.DecisionLog;
import io.assay.serving.FeatureRow;
import io.assay.serving.ModelRouter;
import io.assay.serving.ScoringService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The data plane of one environment, composed: the routing and the serving tables refreshed in the
 * background (a routing change takes effect within {@link #REFRESH}), the decision log in the
 * home, the tokens callers authenticate with, and the scoring service requests go to. The request
 * path reads only memory and appends to the log.
 */
public final class ScoringPlane implements AutoCloseable {
    public static final Duration REFRESH = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ScoringPlane.class);

    private final ModelRouter router;
    private final ServingTableFeatures tables;
    private final ObjectionsOnRecord objections;
    private final DecisionLog log;
    private final ScoringService service;
    private final ScheduledExecutorService refresher;
    private final TokenService tokenService;
    private volatile TokenSnapshot tokens;

    private ScoringPlane(ModelRouter router, ServingTableFeatures tables, ObjectionsOnRecord objections, DecisionLog log,
                         ScoringService service, TokenService tokenService) {
        this.router = router;
        this.tables = tables;
        this.objections = objections;
        this.log = log;
        this.service = service;
        this.tokenService = tokenService;
        // The first snapshot is taken before the plane serves, so a token made before the start works at once.
        this.tokens = tokenService.snapshot();
        this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "assay-serving-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static ScoringPlane start(Environment environment, io.assay.core.registry.RegistryStore store, Services services, Path home,
                                     Clock clock) {
        requireNonNull(environment, "environment is null");
        ModelRouter router = new ModelRouter(environment, new RegistryServingSource(store, services.artifacts()), clock);
        ServingTableFeatures tables = new ServingTableFeatures(services.data().features());
        DecisionLog log = new DecisionLog(decisionFolder(home, environment), clock);
        ObjectionsOnRecord objections = new ObjectionsOnRecord(store);
        ScoringService service = new ScoringService(router, tables, objections, log, FeatureRow.RangePolicy.FLAG, clock, IdSource.random());
        ScoringPlane plane = new ScoringPlane(router, tables, objections, log, service, services.tokens());
        plane.refresh();
        plane.refresher.scheduleWithFixedDelay(plane::refresh, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        return plane;
    }

    /** Where an environment's decisions are kept in a home. */
    public static Path decisionFolder(Path home, Environment environment) {
        return home.resolve("decisions").resolve(environment.name().toLowerCase(Locale.ROOT));
    }

    public ScoringService service() {
        return service;
    }

    /**
     * The caller behind a presented token, from the snapshot of tokens and users taken at the last
     * refresh: no database read per request, and a revoked token stops working within {@link #REFRESH}.
     */
    public Actor authenticate(String presented) {
        return tokens.authenticate(presented);
    }

    /** Loads what the objections, the routing and the serving tables say now; a failure is logged and tried again at the next round. */
    public void refresh() {
        try {
            // Objections first: a customer who objected before a marketing use case went live is never scored by it.
            objections.refresh();
            tokens = tokenService.snapshot();
            router.refresh();
            tables.refresh(router.routes().keySet());
        } catch (RuntimeException e) {
            LOG.error("the data plane could not refresh its routing or serving tables", e);
        }
    }

    @Override
    public void close() {
        // Never interrupted: an interrupt inside a database or file read would close the channel under it.
        refresher.shutdown();
        try {
            refresher.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        service.close();
        log.close();
    }
}
