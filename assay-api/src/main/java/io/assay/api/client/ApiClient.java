package io.assay.api.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.assay.api.Endpoint;
import io.assay.api.Problem;
import io.assay.api.Wire;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One signed-in connection to a running Assay server, shared by the API's HTTP clients: it sends
 * a call to an {@link Endpoint} with the token and request id, reads a 2xx answer as a wire
 * record, and turns a problem answer into the same {@link AssayException} (same code, same
 * message) the server raised, so a client behaves as the in-process API does.
 */
public final class ApiClient {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final URI server;
    private final String token;
    private final String requestId;
    private final HttpClient client;

    public ApiClient(URI server, String token, String requestId) {
        this.server = requireNonNull(server, "server is null");
        this.token = requireNonNull(token, "token is null");
        this.requestId = requireNonNull(requestId, "requestId is null");
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI server() {
        return server;
    }

    /** Calls {@code endpoint} at {@code path} (its template filled, with any query) and reads the answer. */
    public <T> T call(Endpoint endpoint, String path, Object body, Class<T> type) {
        return call(endpoint.method(), path, body, Wire.ANSWERS.constructType(type));
    }

    public <T> T call(Endpoint endpoint, String path, Object body, TypeReference<T> type) {
        return call(endpoint.method(), path, body, Wire.ANSWERS.getTypeFactory().constructType(type));
    }

    private <T> T call(String method, String path, Object body, JavaType type) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(Wire.JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("a request could not be written as JSON", e);
        }
        return read(send(request(path).header("Content-Type", "application/json").method(method, publisher).build()), type);
    }

    public HttpRequest.Builder request(String path) {
        // Appended, not resolved: a server behind a path prefix (https://host/assay) keeps its prefix.
        return HttpRequest.newBuilder(URI.create(server.toString().replaceAll("/+$", "") + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId)
                .header("Accept", "application/json");
    }

    public HttpResponse<InputStream> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new AssayException(ErrorCode.SERVER_UNREACHABLE, "cannot reach the Assay server at " + server + " ("
                    + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()) + "): is 'assay server' running there? "
                    + "Start it with ./assay server, or leave out --server and ASSAY_SERVER to work on the local home");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssayException(ErrorCode.SERVER_UNREACHABLE, "interrupted while waiting for " + server);
        }
    }

    public <T> T read(HttpResponse<InputStream> response, JavaType type) {
        if (response.statusCode() / 100 != 2) {
            throw problem(response);
        }
        try (InputStream body = response.body()) {
            return Wire.ANSWERS.readValue(body, type);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.UNEXPECTED, "the server's answer could not be read: " + e.getMessage());
        }
    }

    public static AssayException problem(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            Problem problem = Wire.ANSWERS.readValue(body, Problem.class);
            return new AssayException(codeOf(problem.code()), problem.detail());
        } catch (IOException | RuntimeException e) {
            return new AssayException(ErrorCode.UNEXPECTED, "the server answered " + response.statusCode() + " without a problem description");
        }
    }

    private static ErrorCode codeOf(String code) {
        try {
            return ErrorCode.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ErrorCode.UNEXPECTED;
        }
    }
}
