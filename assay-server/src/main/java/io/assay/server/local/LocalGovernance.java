package io.assay.server.local;

import io.assay.api.ArtifactView;
import io.assay.api.AuditCheck;
import io.assay.api.AuditEventView;
import io.assay.api.CheckpointView;
import io.assay.api.Governance;
import io.assay.api.ModelSpec;
import io.assay.api.Parse;
import io.assay.api.Requests;
import io.assay.api.RoutingView;
import io.assay.api.TokenView;
import io.assay.api.UseCaseView;
import io.assay.api.UserView;
import io.assay.api.VersionView;
import io.assay.api.Views;
import io.assay.core.access.Permission;
import io.assay.core.access.Role;
import io.assay.core.access.TokenService;
import io.assay.core.access.User;
import io.assay.core.audit.AuditCheckpoint;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.ArtifactRef;
import io.assay.core.registry.ArtifactStore;
import io.assay.core.registry.Decision;
import io.assay.core.registry.Environment;
import io.assay.core.registry.Finding;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.ReviewPolicy;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.RoutingChange;
import io.assay.core.registry.Stage;
import io.assay.core.registry.UseCase;
import io.assay.api.Requests.AddUser;
import io.assay.api.Requests.AttachEvidence;
import io.assay.api.Requests.CreateToken;
import io.assay.api.Requests.DefineUseCase;
import io.assay.api.Requests.Promote;
import io.assay.api.Requests.RecordTest;
import io.assay.api.Requests.RegisterVersion;
import io.assay.api.Requests.Retire;
import io.assay.api.Requests.SetRoles;
import io.assay.api.Requests.SubmitReview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Governance in-process, acting as one named person: parse the wire request, make one service
 * call, answer with wire records. Every rule stays in the core services; this class only
 * translates, so a REST route and a local CLI command behave the same.
 */
public final class LocalGovernance implements Governance {
    public static final String DEFAULT_ARTIFACT_FORMAT = "xgboost-json";
    private static final List<Role> DEFAULT_APPROVERS = List.of(Role.LEGAL_REVIEWER, Role.DATA_REVIEWER, Role.COMPLIANCE_REVIEWER);

    private final Services services;
    private final String actor;
    private final String requestId;

    public LocalGovernance(Services services, String actor, String requestId) {
        this.services = requireNonNull(services, "services is null");
        this.actor = requireNonNull(actor, "actor is null");
        this.requestId = requireNonNull(requestId, "requestId is null");
    }

    @Override
    public UserView whoAmI() {
        return Views.user(services.users().find(actor).orElseThrow(() -> AssayException.notFound("no user " + actor)));
    }

    @Override
    public UseCaseView defineUseCase(DefineUseCase request) {
        Parse.required("body", request);
        List<String> approvers = request.approverRoles().orElse(DEFAULT_APPROVERS.stream().map(Enum::name).toList());
        UseCase draft;
        try {
            draft = new UseCase(request.name(), request.owner().orElse(actor), request.description(),
                    Parse.constant(RiskTier.class, "risk tier", request.riskTier()), request.intendedUse(), request.limitations(),
                    request.consumingApplications().orElse(List.of()),
                    new ReviewPolicy(Parse.roles(approvers), request.requiredGates().orElse(List.of())),
                    request.marketingPurpose().orElse(false), Instant.EPOCH);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw AssayException.invalid("the use case is not valid: " + e.getMessage());
        }
        return Views.useCase(services.registry().registerUseCase(actor, draft, requestId), Optional.empty(), 0);
    }

    @Override
    public List<UseCaseView> useCases() {
        return services.registry().listUseCases(actor).stream().map(this::view).toList();
    }

    @Override
    public UseCaseView useCase(String name) {
        return view(findUseCase(name));
    }

    @Override
    public ArtifactView storeArtifact(Path file, String format) {
        services.registry().require(actor, Permission.BUILD_MODELS);
        if (!Files.isRegularFile(file)) {
            throw AssayException.invalid("artifact " + file + " is not a readable file");
        }
        try (ArtifactStore.Upload upload = services.artifacts().upload(); InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) != -1; ) {
                upload.write(buffer, 0, read);
            }
            ArtifactRef stored;
            try {
                stored = upload.commit(format);
            } catch (AssayException refused) {
                throw new AssayException(refused.code(), refused.getMessage().replace("the artifact", "artifact " + file));
            }
            return new ArtifactView(stored.sha256(), stored.sizeBytes(), stored.format());
        } catch (IOException e) {
            throw AssayException.invalid("artifact " + file + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public VersionView registerVersion(String useCase, RegisterVersion request) {
        services.registry().require(actor, Permission.BUILD_MODELS);
        Parse.required("body", request);
        ModelSpec spec = ModelSpec.parse(Parse.required("spec", request.spec()), "spec");
        String sha256 = Parse.required("artifact_sha256", request.artifactSha256());
        long size = services.artifacts().sizeOf(sha256).orElseThrow(() -> AssayException.notFound("no stored artifact "
                + io.assay.core.common.Names.quoted(sha256) + "; store the model file first"));
        String format = request.artifactFormat().orElse(DEFAULT_ARTIFACT_FORMAT);
        if (format.equals(io.assay.core.registry.PlatformGates.BUNDLE_FORMAT)) {
            // A bundle is made by Assay from a run or a checked model file; one brought along could say anything about itself.
            throw AssayException.invalid("artifact format " + format + " is Assay's own: register a training run's model with "
                    + "models register --run, or a model trained elsewhere with --xgboost-model");
        }
        ArtifactRef artifact = new ArtifactRef(sha256, size, format);
        ModelVersion version = services.registry().registerVersion(actor, useCase, artifact, spec.signature(), spec.provenance(),
                spec.metricSpec(), request.reworks(), requestId);
        return Views.version(version, findUseCase(useCase));
    }

    @Override
    public List<VersionView> versions(String useCase) {
        UseCase found = findUseCase(useCase);
        return services.registry().versions(actor, found.name()).stream().map(version -> Views.version(version, found)).toList();
    }

    @Override
    public VersionView version(String useCase, int number) {
        UseCase found = findUseCase(useCase);
        return Views.version(services.registry().version(actor, found.name(), number), found);
    }

    @Override
    public List<AuditEventView> history(String useCase, int number) {
        findUseCase(useCase);
        return services.registry().history(actor, useCase, number).stream().map(Views::event).toList();
    }

    @Override
    public VersionView submit(String useCase, int number) {
        return view(services.registry().submit(actor, useCase, number, requestId));
    }

    @Override
    public VersionView attachEvidence(String useCase, int number, AttachEvidence request) {
        Parse.required("body", request);
        return view(services.registry().attachEvidence(actor, useCase, number, request.gate(), request.passed(),
                request.figures().orElse(Map.of()), request.engine(), requestId));
    }

    @Override
    public VersionView review(String useCase, int number, SubmitReview request) {
        services.registry().require(actor, Permission.REVIEW);
        Parse.required("body", request);
        UseCase found = findUseCase(useCase);
        Role role = request.role().map(Parse::role).orElseGet(() -> onlyReviewerRole(found));
        Decision decision = Parse.constant(Decision.class, "decision", request.decision());
        return view(services.registry().review(actor, useCase, number, role, decision, request.comment(), request.digest(),
                findings(request.findings()), requestId));
    }

    @Override
    public VersionView recordTest(String useCase, int number, RecordTest request) {
        Parse.required("body", request);
        return view(services.registry().recordTest(actor, useCase, number, request.test(), Parse.required("passed", request.passed()),
                request.detail(), findings(request.findings()), requestId));
    }

    @Override
    public VersionView promote(String useCase, int number, Promote request) {
        // The caller names what it replaces, so a promotion made meanwhile by someone else is refused instead of overwritten.
        String replaces = Parse.required("body", request).replaces().orElseThrow(() -> AssayException.invalid(
                "say which version the promotion replaces: \"replaces\": \"3\", or \"none\" when nothing is in production"));
        return view(services.registry().promote(actor, useCase, number, Parse.versionOrNone("replaces", replaces), requestId));
    }

    @Override
    public VersionView retire(String useCase, int number, Retire request) {
        Parse.required("body", request);
        return view(services.registry().retire(actor, useCase, number, request.reason(), requestId));
    }

    @Override
    public List<RoutingView> routing(String useCase) {
        return services.routing().routing(actor, useCase).stream().map(Views::routing).toList();
    }

    @Override
    public RoutingView route(String useCase, String environment, Requests.SetRouting request) {
        Parse.required("body", request);
        RoutingChange change = new RoutingChange(request.champion(), request.canary(), request.canaryPercent().orElse(0),
                request.shadows().orElse(List.of()), request.expectedRevision());
        return Views.routing(services.routing().change(actor, useCase, Parse.constant(Environment.class, "environment", environment),
                change, requestId));
    }

    @Override
    public List<UserView> users() {
        return services.users().listAs(actor).stream().map(Views::user).toList();
    }

    @Override
    public UserView addUser(AddUser request) {
        Parse.required("body", request);
        return Views.user(services.users().addUser(actor, request.name(), Parse.roles(request.roles()), requestId));
    }

    @Override
    public UserView setRoles(String name, SetRoles request) {
        Parse.required("body", request);
        return Views.user(services.users().setRoles(actor, name, Parse.roles(request.roles()), requestId));
    }

    @Override
    public UserView deactivate(String name) {
        return Views.user(services.users().deactivate(actor, name, requestId));
    }

    @Override
    public List<TokenView> tokens(Optional<String> user) {
        return services.tokens().listAs(actor, user).stream().map(token -> Views.token(token, Optional.empty())).toList();
    }

    @Override
    public TokenView createToken(CreateToken request) {
        Parse.required("body", request);
        TokenService.Issued issued = services.tokens().create(actor, request.user(), request.label().orElse("cli"),
                request.expires().map(day -> day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)), requestId);
        return Views.token(issued.token(), Optional.of(issued.secret()));
    }

    @Override
    public TokenView revokeToken(String id) {
        return Views.token(services.tokens().revoke(actor, id, requestId), Optional.empty());
    }

    @Override
    public AuditCheck verifyAudit(Optional<CheckpointView> against) {
        against.filter(c -> c.checkpointFormat() != CheckpointView.FORMAT).ifPresent(c -> {
            throw AssayException.invalid("the checkpoint is of format " + c.checkpointFormat() + "; this Assay reads format "
                    + CheckpointView.FORMAT);
        });
        Optional<AuditCheckpoint> checkpoint = against.map(c -> new AuditCheckpoint(c.sequence(), c.hash(), c.exportedAt()));
        return Views.check(services.audit().verify(actor, checkpoint), against);
    }

    @Override
    public CheckpointView checkpoint() {
        AuditCheckpoint head = services.audit().checkpoint(actor, requestId);
        return new CheckpointView(CheckpointView.FORMAT, head.sequence(), head.hash(), head.exportedAt());
    }

    @Override
    public long exportAudit(LocalDate from, LocalDate to, Consumer<AuditEventView> sink) {
        if (to.isBefore(from)) {
            throw AssayException.invalid("to " + to + " is before from " + from);
        }
        return services.audit().export(actor, from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), event -> sink.accept(Views.event(event)), requestId);
    }

    @Override
    public void close() {
        // nothing of its own: the composition root owns the services
    }

    private UseCase findUseCase(String name) {
        return services.registry().useCase(actor, name);
    }

    private UseCaseView view(UseCase useCase) {
        List<ModelVersion> versions = services.registry().versions(actor, useCase.name());
        return Views.useCase(useCase, versions.stream().filter(v -> v.stage() == Stage.PRODUCTION).findFirst(), versions.size());
    }

    private VersionView view(ModelVersion version) {
        return Views.version(version, findUseCase(version.useCase()));
    }

    private Role onlyReviewerRole(UseCase useCase) {
        Set<Role> held = services.users().find(actor).map(User::effectiveRoles).orElse(Set.of());
        List<Role> candidates = held.stream().filter(useCase::requiresApprovalBy).sorted().toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new AssayException(candidates.isEmpty() ? ErrorCode.ROLE_REQUIRED : ErrorCode.INVALID_ARGUMENT, candidates.isEmpty()
                ? actor + " holds none of the roles that review " + useCase.name() + " (" + useCase.reviewPolicy().approverRoles() + ")"
                : actor + " holds several reviewer roles of " + useCase.name() + " " + candidates + "; say which role");
    }

    private static List<Finding> findings(Optional<List<String>> texts) {
        return texts.orElse(List.of()).stream().map(Finding::of).toList();
    }
}
