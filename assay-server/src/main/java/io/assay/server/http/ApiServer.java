package io.assay.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.access.Role;
import io.assay.core.access.User;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.server.ServerConfig;
import io.assay.api.Governance;
import io.assay.api.DataApi;
import io.assay.api.FeaturesApi;
import io.assay.server.local.LocalFeatures;
import io.assay.server.local.LocalData;
import io.assay.server.local.LocalGovernance;
import io.assay.server.local.Services;
import io.assay.api.Wire;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The control-plane REST API over Javalin. Every route comes from the route table; each call is
 * authenticated, handed to the in-process API as the caller (whose core services check what the
 * caller may do), and answered as JSON or problem+json.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger ACCESS = LoggerFactory.getLogger("io.assay.server.access");
    private static final String ACTOR = "assay.actor";

    private final Javalin app;
    private final List<ApiRoute> routes;
    private final ServerConfig config;

    private ApiServer(Javalin app, List<ApiRoute> routes, ServerConfig config) {
        this.app = app;
        this.routes = routes;
        this.config = config;
    }

    /**
     * @param health     what the health route reports (e.g. that the database answers); throws when unhealthy
     * @param scratch    where uploads are received before they are stored
     */
    public static ApiServer create(ServerConfig config, Services services, io.assay.serving.ScoringService scoring,
                                   Supplier<Map<String, Object>> health, Path scratch, String version) {
        requireNonNull(config, "config is null");
        requireNonNull(services, "services is null");
        Authenticator authenticator = new Authenticator(services.tokens(), services.users(),
                config.authenticationRequired() ? Optional.empty() : config.localUser());
        List<ApiRoute> routes = new ArrayList<>();
        // The description lists every route, the one that serves it too, so it is written once the table is complete.
        java.util.concurrent.atomic.AtomicReference<JsonNode> openApi = new java.util.concurrent.atomic.AtomicReference<>();
        routes.addAll(SystemRoutes.routes(openApi::get, health));
        routes.addAll(UseCaseRoutes.routes());
        routes.addAll(TransitionRoutes.routes());
        routes.addAll(ArtifactRoutes.routes(scratch));
        routes.addAll(AuditRoutes.routes());
        routes.addAll(AdminRoutes.routes());
        routes.addAll(DataRoutes.routes(scratch));
        routes.addAll(FeatureRoutes.routes());
        routes.addAll(TrainingRoutes.routes());
        routes.addAll(ScoringRoutes.routes(scoring, services.users()));
        openApi.set(OpenApiDocument.of(routes, version));
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.http.maxRequestSize = config.maxBodyBytes();
            javalin.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            javalin.jsonMapper(new JavalinJackson(Wire.JSON, false));
            for (ApiRoute route : routes) {
                javalin.routes.addHttpHandler(route.method(), route.path(), ctx -> handle(ctx, route, authenticator, services));
                if (route.method() == HandlerType.GET) {
                    // Left to Javalin, HEAD answers 200 without a token; it is a GET without the body, and checked like one.
                    javalin.routes.addHttpHandler(HandlerType.HEAD, route.path(), ctx -> handle(ctx, route, authenticator, services));
                }
            }
            javalin.routes.exception(Exception.class, (failure, ctx) -> Problems.write(ctx, failure));
            // Javalin answers its own exceptions (body too large, no route) in plain text unless told otherwise.
            javalin.routes.exception(HttpResponseException.class, (failure, ctx) -> Problems.write(ctx, failure));
            javalin.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    Problems.write(ctx, AssayException.notFound("no such route: " + ctx.method() + " " + Names.quoted(ctx.path())));
                }
            });
            javalin.routes.error(405, ctx -> Problems.write(ctx, AssayException.invalid("method " + ctx.method() + " is not allowed on "
                    + Names.quoted(ctx.path()))));
            javalin.requestLogger.http((ctx, millis) -> ACCESS.info("{} {} {} {}ms actor={} request={}", ctx.method(),
                    Names.printable(ctx.path(), 300), ctx.status().getCode(), Math.round(millis),
                    Optional.ofNullable(ctx.<String>attribute(ACTOR)).orElse("-"), RequestIds.of(ctx)));
        });
        return new ApiServer(app, List.copyOf(routes), config);
    }

    private static void handle(Context ctx, ApiRoute route, Authenticator authenticator, Services services) throws Exception {
        String requestId = RequestIds.of(ctx);
        if (route.isPublic()) {
            answer(ctx, route, route.handler().handle(ctx, null));
            return;
        }
        User caller = authenticator.authenticate(ctx);
        ctx.attribute(ACTOR, caller.name());
        // Who may take the call is the core's to check, behind the route, as for a local --as: the same rule, words and audit.
        if (route.checkedFirst()) {
            // A file is received only by someone who may send it, asked before the disk fills; an export is not started
            // for a HEAD. The core's rule in the core's words; every other route's handler asks the core itself.
            route.permission().orElseThrow().require(services.users().activeActor(caller.name()));
        }
        try (Governance governance = new LocalGovernance(services, caller.name(), requestId);
             DataApi data = new LocalData(services.data(), caller.name());
             FeaturesApi features = new LocalFeatures(services.data().features(), caller.name());
             io.assay.api.TrainingApi training = new io.assay.server.local.LocalTraining(services, caller.name(), requestId,
                     io.assay.train.model.TrainingProgress.SILENT)) {
            answer(ctx, route, route.handler().handle(ctx, new Caller(governance, data, features, training)));
        }
    }

    /** The signed-in caller's name, set once the token is checked. */
    static String actorOf(Context ctx) {
        return requireNonNull(ctx.<String>attribute(ACTOR), "the caller is not authenticated yet");
    }

    private static void answer(Context ctx, ApiRoute route, Object body) {
        if (body != null) {
            ctx.status(route.status()).json(body);
        }
    }

    public ApiServer start() {
        try {
            app.start();
        } catch (RuntimeException e) {
            if (causedBy(e, java.net.BindException.class)) {
                throw new AssayException(ErrorCode.CONFIGURATION, "port " + config.port() + " on " + config.host() + " is in use (another "
                        + "server, or an earlier Assay still running); stop it, or choose another port with --port or ASSAY_SERVER_PORT");
            }
            throw e;
        }
        return this;
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    public int port() {
        return app.port();
    }

    public ServerConfig config() {
        return config;
    }

    /** The route table: every route with the roles that may call it. */
    public List<ApiRoute> routes() {
        return routes;
    }

    /**
     * What Javalin actually has registered ("GET /api/v1/…"), HEAD left out (every GET has one, checked
     * the same way), so a test can hold it to the route table.
     */
    public List<String> registeredEndpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method != HandlerType.HEAD)
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path).sorted().toList();
    }

    /** The HEAD routes Javalin has, each the twin of a GET. */
    public List<String> registeredHeadEndpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method == HandlerType.HEAD).map(endpoint -> "GET " + endpoint.path).sorted().toList();
    }

    @Override
    public void close() {
        app.stop();
    }
}
