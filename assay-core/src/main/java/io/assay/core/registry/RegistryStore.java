package io.assay.core.registry;

import io.assay.core.access.ApiToken;
import io.assay.core.access.User;
import io.assay.core.audit.AuditEvent;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Port: the registry's state — users, use cases, model versions — and the audit chain, in one
 * store so that a state change and its audit event commit together; the chain's reads are
 * {@link io.assay.core.audit.AuditLog}'s. Implementations: in-memory
 * (tests), SQLite and PostgreSQL, all held to the same contract test suite.
 */
public interface RegistryStore extends io.assay.core.access.UserDirectory, io.assay.core.audit.AuditLog {

    /**
     * Runs {@code work} in one transaction: everything it writes commits together, or nothing
     * does when it throws. Appends to the audit chain are serialised, so the chain never forks.
     */
    <T> T inTransaction(Function<RegistryTransaction, T> work);

    @Override
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

    /** Every customer's marketing objection on record, by token. */
    List<Objection> listObjections();

    /** Appends an event in a transaction of its own (which takes the chain's head like any writer). */
    @Override
    default AuditEvent append(io.assay.core.audit.AuditEntry entry) {
        return inTransaction(tx -> tx.appendAudit(entry));
    }
}
