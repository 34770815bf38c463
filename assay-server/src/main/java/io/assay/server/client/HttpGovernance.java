package io.assay.server.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.server.api.ArtifactView;
import io.assay.server.api.AuditCheck;
import io.assay.server.api.AuditEventView;
import io.assay.server.api.CheckpointView;
import io.assay.server.api.Governance;
import io.assay.server.api.Problem;
import io.assay.server.api.Requests;
import io.assay.server.api.RoutingView;
import io.assay.server.api.TokenView;
import io.assay.server.api.UseCaseView;
import io.assay.server.api.UserView;
import io.assay.server.api.VersionView;
import io.assay.server.api.Wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Governance against a running Assay server: the same calls as in-process, over the REST API.
 * A problem answer becomes the same {@link AssayException} (same code, same message) the server
 * raised, so the CLI prints and exits alike in both modes.
 */
public final class HttpGovernance implements Governance {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final URI server;
    private final String token;
    private final String requestId;
    private final HttpClient client;

    public HttpGovernance(URI server, String token, String requestId) {
        this.server = requireNonNull(server, "server is null");
        this.token = requireNonNull(token, "token is null");
        this.requestId = requireNonNull(requestId, "requestId is null");
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public UserView whoAmI() {
        return call("GET", "/api/v1/me", null, UserView.class);
    }

    @Override
    public UseCaseView defineUseCase(Requests.DefineUseCase request) {
        return call("POST", "/api/v1/use-cases", request, UseCaseView.class);
    }

    @Override
    public List<UseCaseView> useCases() {
        return call("GET", "/api/v1/use-cases", null, new TypeReference<List<UseCaseView>>() {});
    }

    @Override
    public UseCaseView useCase(String name) {
        return call("GET", useCasePath(name), null, UseCaseView.class);
    }

    @Override
    public ArtifactView storeArtifact(Path file, String format) {
        if (!Files.isRegularFile(file)) {
            throw AssayException.invalid("artifact " + file + " is not a readable file");
        }
        try {
            HttpRequest request = request("/api/v1/artifacts?format=" + encode(format))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            return read(send(request), Wire.ANSWERS.constructType(ArtifactView.class));
        } catch (IOException e) {
            throw AssayException.invalid("artifact " + file + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public VersionView registerVersion(String useCase, Requests.RegisterVersion request) {
        return call("POST", useCasePath(useCase) + "/versions", request, VersionView.class);
    }

    @Override
    public List<VersionView> versions(String useCase) {
        return call("GET", useCasePath(useCase) + "/versions", null, new TypeReference<List<VersionView>>() {});
    }

    @Override
    public VersionView version(String useCase, int number) {
        return call("GET", versionPath(useCase, number), null, VersionView.class);
    }

    @Override
    public List<AuditEventView> history(String useCase, int number) {
        return call("GET", versionPath(useCase, number) + "/history", null, new TypeReference<List<AuditEventView>>() {});
    }

    @Override
    public VersionView submit(String useCase, int number) {
        return call("POST", versionPath(useCase, number) + "/transitions/submit", null, VersionView.class);
    }

    @Override
    public VersionView attachEvidence(String useCase, int number, Requests.AttachEvidence request) {
        return call("POST", versionPath(useCase, number) + "/evidence", request, VersionView.class);
    }

    @Override
    public VersionView review(String useCase, int number, Requests.SubmitReview request) {
        return call("POST", versionPath(useCase, number) + "/reviews", request, VersionView.class);
    }

    @Override
    public VersionView recordTest(String useCase, int number, Requests.RecordTest request) {
        return call("POST", versionPath(useCase, number) + "/tests", request, VersionView.class);
    }

    @Override
    public VersionView promote(String useCase, int number, Requests.Promote request) {
        return call("POST", versionPath(useCase, number) + "/transitions/promote", request, VersionView.class);
    }

    @Override
    public VersionView retire(String useCase, int number, Requests.Retire request) {
        return call("POST", versionPath(useCase, number) + "/transitions/retire", request, VersionView.class);
    }

    @Override
    public List<RoutingView> routing(String useCase) {
        return call("GET", useCasePath(useCase) + "/routing", null, new TypeReference<List<RoutingView>>() {});
    }

    @Override
    public RoutingView route(String useCase, String environment, Requests.SetRouting request) {
        return call("PUT", useCasePath(useCase) + "/routing/" + encode(environment), request, RoutingView.class);
    }

    @Override
    public List<UserView> users() {
        return call("GET", "/api/v1/users", null, new TypeReference<List<UserView>>() {});
    }

    @Override
    public UserView addUser(Requests.AddUser request) {
        return call("POST", "/api/v1/users", request, UserView.class);
    }

    @Override
    public UserView setRoles(String name, Requests.SetRoles request) {
        return call("PUT", "/api/v1/users/" + encode(name) + "/roles", request, UserView.class);
    }

    @Override
    public UserView deactivate(String name) {
        return call("POST", "/api/v1/users/" + encode(name) + "/deactivate", null, UserView.class);
    }

    @Override
    public List<TokenView> tokens(Optional<String> user) {
        return call("GET", "/api/v1/tokens" + user.map(u -> "?user=" + encode(u)).orElse(""), null,
                new TypeReference<List<TokenView>>() {});
    }

    @Override
    public TokenView createToken(Requests.CreateToken request) {
        return call("POST", "/api/v1/tokens", request, TokenView.class);
    }

    @Override
    public TokenView revokeToken(String id) {
        return call("POST", "/api/v1/tokens/" + encode(id) + "/revoke", null, TokenView.class);
    }

    @Override
    public AuditCheck verifyAudit(Optional<CheckpointView> against) {
        return call("POST", "/api/v1/audit/verifications", new Requests.VerifyAudit(against), AuditCheck.class);
    }

    @Override
    public CheckpointView checkpoint() {
        return call("POST", "/api/v1/audit/checkpoints", null, CheckpointView.class);
    }

    @Override
    public long exportAudit(LocalDate from, LocalDate to, Consumer<AuditEventView> sink) {
        HttpRequest request = request("/api/v1/audit/events?from=" + from + "&to=" + to).GET().build();
        HttpResponse<InputStream> response = send(request);
        if (response.statusCode() != 200) {
            throw problem(response);
        }
        long count = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (!line.isBlank()) {
                    sink.accept(Wire.ANSWERS.readValue(line, AuditEventView.class));
                    count++;
                }
            }
        } catch (IOException e) {
            throw new AssayException(ErrorCode.SERVER_UNREACHABLE, "the export from " + server + " broke off: " + e.getMessage());
        }
        return count;
    }

    @Override
    public void close() {
        // java.net.http.HttpClient on Java 17 has nothing to close
    }

    private <T> T call(String method, String path, Object body, Class<T> type) {
        return call(method, path, body, Wire.ANSWERS.constructType(type));
    }

    private <T> T call(String method, String path, Object body, TypeReference<T> type) {
        return call(method, path, body, Wire.ANSWERS.getTypeFactory().constructType(type));
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

    private HttpRequest.Builder request(String path) {
        // Appended, not resolved: a server behind a path prefix (https://host/assay) keeps its prefix.
        return HttpRequest.newBuilder(URI.create(server.toString().replaceAll("/+$", "") + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId)
                .header("Accept", "application/json");
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new AssayException(ErrorCode.SERVER_UNREACHABLE, "cannot reach the Assay server at " + server + ": "
                    + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssayException(ErrorCode.SERVER_UNREACHABLE, "interrupted while waiting for " + server);
        }
    }

    private <T> T read(HttpResponse<InputStream> response, JavaType type) {
        if (response.statusCode() / 100 != 2) {
            throw problem(response);
        }
        try (InputStream body = response.body()) {
            return Wire.ANSWERS.readValue(body, type);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.UNEXPECTED, "the server's answer could not be read: " + e.getMessage());
        }
    }

    private static AssayException problem(HttpResponse<InputStream> response) {
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

    private static String useCasePath(String name) {
        return "/api/v1/use-cases/" + encode(name);
    }

    private static String versionPath(String useCase, int number) {
        return useCasePath(useCase) + "/versions/" + number;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(Names.printable(segment, 1000), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
