package io.assay.server.http;

import io.assay.api.Problem;
import io.assay.api.Wire;
import io.assay.core.common.Names;
import io.assay.core.error.ErrorCode;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * What Jetty refuses before a request reaches a route (an ambiguous path such as {@code %00}, a
 * header too large, a malformed request line) is answered as a problem in JSON like every other
 * refusal, never as Jetty's HTML page: a business application parses one kind of error.
 */
final class JettyProblems extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        // Refused before a route, the request's body is unread: the connection is closed after the answer, not reused.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        // A message Jetty could not parse leaves the connection in an unknown state: it is closed after the answer.
        fields.put(HttpHeader.CONNECTION, "close");
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int status, String message) {
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.INVALID_ARGUMENT;
            case 404 -> ErrorCode.NOT_FOUND;
            case 413, 414, 431 -> ErrorCode.REQUEST_TOO_LARGE;
            default -> status < 500 ? ErrorCode.INVALID_ARGUMENT : ErrorCode.UNEXPECTED;
        };
        String detail = "the HTTP server refused the request before it reached a route: "
                + Names.printable(message == null || message.isBlank() ? "status " + status : message, 200);
        try {
            return Wire.JSON.writeValueAsBytes(new Problem(Problem.typeOf(code.name()), status < 500 ? "Invalid request" : "Server error",
                    status, detail, code.name(), "-"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
