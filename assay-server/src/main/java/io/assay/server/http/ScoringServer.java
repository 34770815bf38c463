package io.assay.server.http;

import io.assay.api.Endpoints;
import io.assay.api.Problem;
import io.assay.api.Wire;
import io.assay.core.access.Actor;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.serving.ScoringService;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The scoring-only process's HTTP server: the data plane's routes (the business scoring API, the
 * Open Inference Protocol's health, metadata and inference routes, the Prometheus figures) on Jetty's core handlers, with
 * none of a web framework's routing, and no database on the request path — the caller is
 * authenticated from a snapshot of the tokens. Same bodies, answers and problems as the routes
 * beside the control plane. Stopping it drains: new connections are refused, requests in flight
 * are answered, for up to the drain time.
 */
public final class ScoringServer implements AutoCloseable {
    private static final Logger ACCESS = LoggerFactory.getLogger("io.assay.server.access");
    private static final String SCORE_PREFIX = Endpoints.SCORE.path().substring(0, Endpoints.SCORE.path().indexOf('{'));
    private static final String MODELS_PREFIX = "/v2/models/";
    private static final String READY_SUFFIX = "/ready";
    private static final String INFER_SUFFIX = "/infer";

    private final Server jetty;
    private final ServerConnector connector;

    private ScoringServer(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /**
     * @param authenticate the caller behind a presented token (without "Bearer "); throws UNAUTHENTICATED
     * @param drain        how long a stop waits for requests in flight
     */
    public static ScoringServer start(String host, int port, long maxBodyBytes, ScoringService scoring, Function<String, Actor> authenticate,
                                      Duration drain) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("assay-scoring");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new Routes(new ScoringEndpoints(scoring), authenticate, maxBodyBytes));
        jetty.setHandler(graceful);
        jetty.setErrorHandler(new JettyProblems());
        jetty.setStopTimeout(drain.toMillis());
        jetty.setStopAtShutdown(false);
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // already failing
            }
            if (ApiServer.causedBy(e, java.net.BindException.class)) {
                throw new AssayException(ErrorCode.CONFIGURATION, "port " + port + " on " + host + " is in use (another server, or an "
                        + "earlier Assay still running); stop it, or choose another port with --port");
            }
            throw new AssayException(ErrorCode.CONFIGURATION, "the scoring server could not start on " + host + ":" + port + ": "
                    + e.getMessage());
        }
        return new ScoringServer(jetty, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Stops taking connections and waits, up to the drain time, for the answers in flight. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LoggerFactory.getLogger(ScoringServer.class).warn("the scoring server did not stop cleanly: {}", e.toString());
        }
    }

    /** The route table, by hand: seven routes do not need a router, and every request is one string comparison or two. */
    private static final class Routes extends Handler.Abstract {
        private final ScoringEndpoints endpoints;
        private final Function<String, Actor> authenticate;
        private final long maxBodyBytes;

        Routes(ScoringEndpoints endpoints, Function<String, Actor> authenticate, long maxBodyBytes) {
            this.endpoints = requireNonNull(endpoints, "endpoints is null");
            this.authenticate = requireNonNull(authenticate, "authenticate is null");
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long start = System.nanoTime();
            String requestId = RequestIds.accepted(request.getHeaders().get(RequestIds.HEADER));
            response.getHeaders().put(RequestIds.HEADER, requestId);
            String method = request.getMethod();
            String path = Request.getPathInContext(request);
            String[] caller = {"-"};
            int status;
            try {
                status = route(request, response, callback, method, path, caller);
            } catch (Exception failure) {
                Problems.Answer problem = Problems.answer(failure, method, path, requestId);
                status = problem.status();
                if (status == 401) {
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"assay\"");
                }
                send(response, callback, status, Problem.MEDIA_TYPE, problem.body());
            }
            if (ACCESS.isInfoEnabled()) {
                ACCESS.info("{} {} {} {}us actor={} request={}", method, Names.printable(path, 300), status,
                        (System.nanoTime() - start) / 1000, caller[0], requestId);
            }
            return true;
        }

        private int route(Request request, Response response, Callback callback, String method, String path, String[] caller)
                throws IOException {
            if (path.startsWith(SCORE_PREFIX)) {
                String useCase = path.substring(SCORE_PREFIX.length());
                allow(method, "POST", path);
                Actor actor;
                byte[] body;
                try {
                    actor = caller(request, caller);
                    body = body(request);
                } catch (RuntimeException e) {
                    endpoints.refused(useCase, e);
                    throw e;
                }
                return json(response, callback, 200, endpoints.score(actor, useCase, body, request.getHeaders().get(HttpHeader.CONTENT_TYPE)));
            }
            if (path.equals(Endpoints.INFERENCE_LIVE.path())) {
                allow(method, "GET", path);
                return json(response, callback, 200, endpoints.live());
            }
            if (path.equals(Endpoints.INFERENCE_READY.path())) {
                allow(method, "GET", path);
                ScoringEndpoints.Readiness readiness = endpoints.ready();
                return json(response, callback, readiness.ready() ? 200 : 503, readiness.body());
            }
            if (path.startsWith(MODELS_PREFIX) && path.endsWith(READY_SUFFIX) && path.length() > MODELS_PREFIX.length() + READY_SUFFIX.length()) {
                allow(method, "GET", path);
                String useCase = path.substring(MODELS_PREFIX.length(), path.length() - READY_SUFFIX.length());
                return json(response, callback, 200, endpoints.modelReady(useCase));
            }
            if (path.startsWith(MODELS_PREFIX) && path.endsWith(INFER_SUFFIX) && path.length() > MODELS_PREFIX.length() + INFER_SUFFIX.length()) {
                String useCase = path.substring(MODELS_PREFIX.length(), path.length() - INFER_SUFFIX.length());
                allow(method, "POST", path);
                Actor actor;
                byte[] body;
                try {
                    actor = caller(request, caller);
                    body = body(request);
                } catch (RuntimeException e) {
                    endpoints.refused(useCase, e);
                    throw e;
                }
                return json(response, callback, 200, endpoints.infer(actor, useCase, body, request.getHeaders().get(HttpHeader.CONTENT_TYPE)));
            }
            if (path.startsWith(MODELS_PREFIX) && path.length() > MODELS_PREFIX.length() && path.indexOf('/', MODELS_PREFIX.length()) < 0) {
                allow(method, "GET", path);
                return json(response, callback, 200, endpoints.modelMetadata(caller(request, caller), path.substring(MODELS_PREFIX.length())));
            }
            if (path.equals(Endpoints.METRICS.path())) {
                allow(method, "GET", path);
                send(response, callback, 200, ScoringEndpoints.metricsContentType(), endpoints.metrics());
                return 200;
            }
            throw AssayException.notFound("no such route: " + method + " " + Names.quoted(path) + " (the scoring process serves "
                    + "POST /v1/score/{use_case}, POST /v2/models/{use_case}/infer, GET /v2/models/{use_case}, /v2/health/live, /v2/health/ready, "
                    + "/v2/models/{use_case}/ready and /v1/metrics)");
        }

        /** The caller behind the request's token, named in the access log from here on. */
        private Actor caller(Request request, String[] caller) {
            Actor actor = authenticate.apply(Authenticator.bearer(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
            caller[0] = actor.name();
            return actor;
        }

        private static void allow(String method, String allowed, String path) {
            if (!method.equals(allowed)) {
                throw AssayException.invalid("method " + method + " is not allowed on " + Names.quoted(path));
            }
        }

        /** The body, refused once it passes the limit, before it is all read. */
        private byte[] body(Request request) throws IOException {
            long declared = request.getLength();
            if (declared > maxBodyBytes) {
                throw tooLarge();
            }
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
                if (body.length > maxBodyBytes) {
                    throw tooLarge();
                }
                return body;
            }
        }

        private AssayException tooLarge() {
            return new AssayException(ErrorCode.REQUEST_TOO_LARGE, "the request body is larger than this server takes ("
                    + maxBodyBytes + " bytes)");
        }

        private static int json(Response response, Callback callback, int status, Object body) throws IOException {
            send(response, callback, status, "application/json", Wire.JSON.writeValueAsBytes(body));
            return status;
        }

        private static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
