package io.assay.server.http;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.api.Problem;
import io.assay.api.Wire;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into problem+json; the one place that maps an error category to an HTTP status. */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    static int statusOf(ErrorCode.Category category) {
        return switch (category) {
            case INVALID_INPUT -> 400;
            case TOO_LARGE -> 413;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INTERNAL -> 500;
        };
    }

    /** A refusal or failure as it is sent: the status and the problem+json body. */
    record Answer(int status, byte[] body) {
    }

    static void write(Context ctx, Exception failure) {
        Answer answer = answer(failure, ctx.method().name(), ctx.path(), RequestIds.of(ctx));
        if (answer.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"assay\"");
        }
        ctx.status(answer.status()).contentType(Problem.MEDIA_TYPE).result(answer.body());
    }

    /** The answer to {@code failure}, for the control plane's Javalin and the data plane's own server alike. */
    static Answer answer(Exception failure, String method, String path, String requestId) {
        AssayException error = asAssay(failure, method, path, requestId);
        int status = statusOf(error.code().category());
        String detail = error.getMessage();
        if (error.code().category() == ErrorCode.Category.INTERNAL && error.code() != ErrorCode.UNEXPECTED) {
            // Storage and configuration failures name tables, paths and SQL states: the log gets them, the client gets the id.
            LOG.error("request {} failed: {} {}", requestId, error.code(), Names.printable(detail, 4000));
            detail = "the server failed (" + error.code() + "); its log has the details under request id " + requestId;
        }
        Problem problem = new Problem(Problem.typeOf(error.code().name()), title(error.code().category()), status,
                Names.printable(detail, 4000), error.code().name(), requestId,
                path.startsWith(OpenInference.PATH_PREFIX) ? Names.printable(detail, 4000) : null);
        try {
            return new Answer(status, Wire.JSON.writeValueAsBytes(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Answer(500, "{\"code\":\"UNEXPECTED\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static AssayException asAssay(Exception failure, String method, String path, String requestId) {
        if (failure instanceof AssayException assay) {
            return assay;
        }
        if (failure instanceof HttpResponseException http) {
            return switch (http.getStatus()) {
                case 413 -> new AssayException(ErrorCode.REQUEST_TOO_LARGE, "the request body is larger than this server takes");
                case 404 -> AssayException.notFound("no such route: " + method + " " + Names.quoted(path));
                case 400 -> AssayException.invalid(Names.printable(String.valueOf(http.getMessage()), 200));
                default -> new AssayException(ErrorCode.UNEXPECTED, "the request failed with status " + http.getStatus());
            };
        }
        // Domain records refuse values out of their range this way (a negative sequence, a date past year 999,999,999):
        // bad input, answered as such, and logged in case it was a bug after all.
        if (failure instanceof IllegalArgumentException || failure instanceof java.time.DateTimeException) {
            LOG.warn("request {} refused a value: {}", requestId, failure.toString());
            return AssayException.invalid(Names.printable(String.valueOf(failure.getMessage()), 300));
        }
        // Unexpected failures are logged with their cause; the client gets only the request id, never internals.
        LOG.error("request {} failed", requestId, failure);
        return new AssayException(ErrorCode.UNEXPECTED, "unexpected failure; the server log has it under request id " + requestId);
    }

    private static String title(ErrorCode.Category category) {
        return switch (category) {
            case INVALID_INPUT -> "Invalid request";
            case TOO_LARGE -> "Request too large";
            case UNAUTHENTICATED -> "Not authenticated";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case INTERNAL -> "Server error";
        };
    }
}
