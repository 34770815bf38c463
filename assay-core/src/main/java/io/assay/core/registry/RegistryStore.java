package io.assay.core.registry;

import io.assay.core.access.ApiToken;
import io.assay.core.access.User;
import io.assay.core.audit.AuditCheckpoint;
import io.assay.core.audit.AuditEvent;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Port: the registry's state — users, use cases, model versions — and the audit chain, in one
 * store so that a state change and its audit event commit together. Implementations: in-memory
 * (tests), SQLite and PostgreSQL, all held to the same contract test suite.
 */
public interface RegistryStore {

    /**
     * Runs {@code work} in one transaction: everything it writes commits together, or nothing
     * does when it throws. Appends to the audit chain are serialised, so the chain never forks.
     */
    <T> T inTransaction(Function<RegistryTransaction, T> work);

    Optional<User> findUser(String name);

    List<User> listUsers();

    Optional<ApiToken> findToken(String id);

    /** The tokens of one user (or of everyone), newest first. */
    List<ApiToken> listTokens(Optional<String> user);

    Optional<UseCase> findUseCase(String name);

    List<UseCase> listUseCases();

    Optional<ModelVersion> findVersion(String useCase, int number);

    /** The versions of a use case, oldest first. */
    List<ModelVersion> listVersions(String useCase);

    /** The routings stored for a use case (an environment never routed has none). */
    List<Routing> listRouting(String useCase);

    /** The chain's last event, if any. */
    Optional<AuditEvent> auditHead();

    /**
     * Where the store records the chain's head (sequence and hash) apart from the events, so that
     * events cut from the end are noticed; sequence 0 and the genesis hash for an empty chain.
     */
    AuditCheckpoint recordedHead();

    /** The events about one subject (e.g. {@code model:churn/v3}), oldest first. */
    List<AuditEvent> auditOf(String subject);

    /** Feeds the events with sequence numbers in [from, to] to {@code consumer}, in order, streaming. */
    void scanAudit(long from, long to, Consumer<AuditEvent> consumer);
}
