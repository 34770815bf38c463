package io.assay.api.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.assay.api.ArtifactView;
import io.assay.api.AuditCheck;
import io.assay.api.AuditEventView;
import io.assay.api.CheckpointView;
import io.assay.api.Endpoint;
import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.RoutingView;
import io.assay.api.TokenView;
import io.assay.api.UseCaseView;
import io.assay.api.UserView;
import io.assay.api.VersionView;
import io.assay.api.Wire;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static io.assay.api.Endpoints.ADD_USER;
import static io.assay.api.Endpoints.ATTACH_EVIDENCE;
import static io.assay.api.Endpoints.AUDIT_CHECKPOINT;
import static io.assay.api.Endpoints.AUDIT_EVENTS;
import static io.assay.api.Endpoints.CREATE_TOKEN;
import static io.assay.api.Endpoints.DEACTIVATE_USER;
import static io.assay.api.Endpoints.DEFINE_USE_CASE;
import static io.assay.api.Endpoints.HISTORY;
import static io.assay.api.Endpoints.ME;
import static io.assay.api.Endpoints.PROMOTE;
import static io.assay.api.Endpoints.RECORD_TEST;
import static io.assay.api.Endpoints.REGISTER_VERSION;
import static io.assay.api.Endpoints.RETIRE;
import static io.assay.api.Endpoints.REVIEW;
import static io.assay.api.Endpoints.REVOKE_TOKEN;
import static io.assay.api.Endpoints.ROUTE;
import static io.assay.api.Endpoints.ROUTING;
import static io.assay.api.Endpoints.SET_ROLES;
import static io.assay.api.Endpoints.STORE_ARTIFACT;
import static io.assay.api.Endpoints.SUBMIT;
import static io.assay.api.Endpoints.TOKENS;
import static io.assay.api.Endpoints.USERS;
import static io.assay.api.Endpoints.USE_CASE;
import static io.assay.api.Endpoints.USE_CASES;
import static io.assay.api.Endpoints.VERIFY_AUDIT;
import static io.assay.api.Endpoints.VERSION;
import static io.assay.api.Endpoints.VERSIONS;

/**
 * Governance against a running Assay server: the same calls as in-process, over the REST API,
 * at the endpoints the server's route table registers.
 */
public final class HttpGovernance implements Governance {
    private final ApiClient api;

    public HttpGovernance(URI server, String token, String requestId) {
        this(new ApiClient(server, token, requestId));
    }

    public HttpGovernance(ApiClient api) {
        this.api = api;
    }

    @Override
    public UserView whoAmI() {
        return api.call(ME, ME.fill(), null, UserView.class);
    }

    @Override
    public UseCaseView defineUseCase(Requests.DefineUseCase request) {
        return api.call(DEFINE_USE_CASE, DEFINE_USE_CASE.fill(), request, UseCaseView.class);
    }

    @Override
    public List<UseCaseView> useCases() {
        return api.call(USE_CASES, USE_CASES.fill(), null, new TypeReference<List<UseCaseView>>() {});
    }

    @Override
    public UseCaseView useCase(String name) {
        return api.call(USE_CASE, USE_CASE.fill(name), null, UseCaseView.class);
    }

    @Override
    public ArtifactView storeArtifact(Path file, String format) {
        if (!Files.isRegularFile(file)) {
            throw AssayException.invalid("artifact " + file + " is not a readable file");
        }
        try {
            HttpRequest request = api.request(STORE_ARTIFACT.fill() + "?format=" + Endpoint.encode(format))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            return api.read(api.send(request), Wire.ANSWERS.constructType(ArtifactView.class));
        } catch (IOException e) {
            throw AssayException.invalid("artifact " + file + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public VersionView registerVersion(String useCase, Requests.RegisterVersion request) {
        return api.call(REGISTER_VERSION, REGISTER_VERSION.fill(useCase), request, VersionView.class);
    }

    @Override
    public List<VersionView> versions(String useCase) {
        return api.call(VERSIONS, VERSIONS.fill(useCase), null, new TypeReference<List<VersionView>>() {});
    }

    @Override
    public VersionView version(String useCase, int number) {
        return api.call(VERSION, VERSION.fill(useCase, number), null, VersionView.class);
    }

    @Override
    public List<AuditEventView> history(String useCase, int number) {
        return api.call(HISTORY, HISTORY.fill(useCase, number), null, new TypeReference<List<AuditEventView>>() {});
    }

    @Override
    public VersionView submit(String useCase, int number) {
        return api.call(SUBMIT, SUBMIT.fill(useCase, number), null, VersionView.class);
    }

    @Override
    public VersionView attachEvidence(String useCase, int number, Requests.AttachEvidence request) {
        return api.call(ATTACH_EVIDENCE, ATTACH_EVIDENCE.fill(useCase, number), request, VersionView.class);
    }

    @Override
    public VersionView review(String useCase, int number, Requests.SubmitReview request) {
        return api.call(REVIEW, REVIEW.fill(useCase, number), request, VersionView.class);
    }

    @Override
    public VersionView recordTest(String useCase, int number, Requests.RecordTest request) {
        return api.call(RECORD_TEST, RECORD_TEST.fill(useCase, number), request, VersionView.class);
    }

    @Override
    public VersionView promote(String useCase, int number, Requests.Promote request) {
        return api.call(PROMOTE, PROMOTE.fill(useCase, number), request, VersionView.class);
    }

    @Override
    public VersionView retire(String useCase, int number, Requests.Retire request) {
        return api.call(RETIRE, RETIRE.fill(useCase, number), request, VersionView.class);
    }

    @Override
    public List<RoutingView> routing(String useCase) {
        return api.call(ROUTING, ROUTING.fill(useCase), null, new TypeReference<List<RoutingView>>() {});
    }

    @Override
    public RoutingView route(String useCase, String environment, Requests.SetRouting request) {
        return api.call(ROUTE, ROUTE.fill(useCase, environment), request, RoutingView.class);
    }

    @Override
    public List<UserView> users() {
        return api.call(USERS, USERS.fill(), null, new TypeReference<List<UserView>>() {});
    }

    @Override
    public UserView addUser(Requests.AddUser request) {
        return api.call(ADD_USER, ADD_USER.fill(), request, UserView.class);
    }

    @Override
    public UserView setRoles(String name, Requests.SetRoles request) {
        return api.call(SET_ROLES, SET_ROLES.fill(name), request, UserView.class);
    }

    @Override
    public UserView deactivate(String name) {
        return api.call(DEACTIVATE_USER, DEACTIVATE_USER.fill(name), null, UserView.class);
    }

    @Override
    public List<TokenView> tokens(Optional<String> user) {
        return api.call(TOKENS, TOKENS.fill() + user.map(u -> "?user=" + Endpoint.encode(u)).orElse(""), null,
                new TypeReference<List<TokenView>>() {});
    }

    @Override
    public TokenView createToken(Requests.CreateToken request) {
        return api.call(CREATE_TOKEN, CREATE_TOKEN.fill(), request, TokenView.class);
    }

    @Override
    public TokenView revokeToken(String id) {
        return api.call(REVOKE_TOKEN, REVOKE_TOKEN.fill(id), null, TokenView.class);
    }

    @Override
    public AuditCheck verifyAudit(Optional<CheckpointView> against) {
        return api.call(VERIFY_AUDIT, VERIFY_AUDIT.fill(), new Requests.VerifyAudit(against), AuditCheck.class);
    }

    @Override
    public CheckpointView checkpoint() {
        return api.call(AUDIT_CHECKPOINT, AUDIT_CHECKPOINT.fill(), null, CheckpointView.class);
    }

    @Override
    public long exportAudit(LocalDate from, LocalDate to, Consumer<AuditEventView> sink) {
        HttpRequest request = api.request(AUDIT_EVENTS.fill() + "?from=" + from + "&to=" + to).GET().build();
        HttpResponse<InputStream> response = api.send(request);
        if (response.statusCode() != 200) {
            throw ApiClient.problem(response);
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
            throw new AssayException(ErrorCode.SERVER_UNREACHABLE, "the export from " + api.server() + " broke off: " + e.getMessage());
        }
        return count;
    }

    @Override
    public void close() {
        // java.net.http.HttpClient on Java 17 has nothing to close
    }
}
