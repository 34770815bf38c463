package io.assay.server.api;

import io.assay.server.api.Requests.AddUser;
import io.assay.server.api.Requests.AttachEvidence;
import io.assay.server.api.Requests.CreateToken;
import io.assay.server.api.Requests.DefineUseCase;
import io.assay.server.api.Requests.Promote;
import io.assay.server.api.Requests.RecordTest;
import io.assay.server.api.Requests.RegisterVersion;
import io.assay.server.api.Requests.Retire;
import io.assay.server.api.Requests.SetRoles;
import io.assay.server.api.Requests.SubmitReview;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one signed-in person can do with the registry, its users, tokens and audit log, in wire
 * terms. Two implementations keep the CLI's two modes the same: {@link LocalGovernance} runs
 * in-process on a home (and behind every REST route), the HTTP client talks to a running server.
 * Errors are {@link io.assay.core.error.AssayException}s with the same codes either way.
 */
public interface Governance extends AutoCloseable {
    UserView whoAmI();

    UseCaseView defineUseCase(DefineUseCase request);

    List<UseCaseView> useCases();

    UseCaseView useCase(String name);

    ArtifactView storeArtifact(Path file, String format);

    VersionView registerVersion(String useCase, RegisterVersion request);

    List<VersionView> versions(String useCase);

    VersionView version(String useCase, int number);

    List<AuditEventView> history(String useCase, int number);

    VersionView submit(String useCase, int number);

    VersionView attachEvidence(String useCase, int number, AttachEvidence request);

    VersionView review(String useCase, int number, SubmitReview request);

    VersionView recordTest(String useCase, int number, RecordTest request);

    VersionView promote(String useCase, int number, Promote request);

    VersionView retire(String useCase, int number, Retire request);

    /** The routing of every environment, TEST first. */
    List<RoutingView> routing(String useCase);

    RoutingView route(String useCase, String environment, Requests.SetRouting request);

    List<UserView> users();

    UserView addUser(AddUser request);

    UserView setRoles(String name, SetRoles request);

    UserView deactivate(String name);

    List<TokenView> tokens(Optional<String> user);

    TokenView createToken(CreateToken request);

    TokenView revokeToken(String id);

    AuditCheck verifyAudit(Optional<CheckpointView> against);

    CheckpointView checkpoint();

    /** Hands each event of the days {@code from}..{@code to} (UTC, both included) to {@code sink}; returns how many. */
    long exportAudit(LocalDate from, LocalDate to, Consumer<AuditEventView> sink);

    @Override
    void close();
}
