package io.assay.core.registry;

import io.assay.core.access.ApiToken;
import io.assay.core.access.User;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;

import java.util.Optional;

/** What one registry transaction can read and write; obtained from {@link RegistryStore#inTransaction}. */
public interface RegistryTransaction extends io.assay.core.access.UserDirectory {

    @Override
    Optional<User> findUser(String name);

    /** Whether any user exists (a new home has none). */
    boolean anyUser();

    /** The chain's last event, read inside this transaction (which holds the chain's lock). */
    Optional<AuditEvent> auditHead();

    /** @throws io.assay.core.error.AssayException ALREADY_EXISTS when the name is taken */
    void insertUser(User user);

    /** @throws io.assay.core.error.AssayException NOT_FOUND for an unknown user */
    void updateUser(User user);

    Optional<ApiToken> findToken(String id);

    /** @throws io.assay.core.error.AssayException ALREADY_EXISTS when the id is taken */
    void insertToken(ApiToken token);

    /** Records a revocation (the only change a token undergoes). */
    void updateToken(ApiToken token);

    Optional<UseCase> findUseCase(String name);

    /** @throws io.assay.core.error.AssayException ALREADY_EXISTS when the name is taken */
    void insertUseCase(UseCase useCase);

    Optional<ModelVersion> findVersion(String useCase, int number);

    /** The version of a use case in {@code stage}, for stages that hold at most one (PRODUCTION). */
    Optional<ModelVersion> findVersionInStage(String useCase, Stage stage);

    /** One more than the highest version number of the use case (1 for the first). */
    int nextVersionNumber(String useCase);

    /** @throws io.assay.core.error.AssayException ALREADY_EXISTS when the number is taken */
    void insertVersion(ModelVersion version);

    /**
     * Replaces a version whose stored revision is {@code after.revision() - 1}, with its new
     * evidence, reviews and tests.
     *
     * @throws io.assay.core.error.AssayException CONCURRENT_CHANGE when the stored revision is
     *         another (someone changed it meanwhile), or when a second version would be in PRODUCTION
     */
    void updateVersion(ModelVersion after);

    Optional<Routing> findRouting(String useCase, Environment environment);

    /**
     * Stores a routing whose stored revision is {@code after.revision() - 1} (none stored for revision 1).
     *
     * @throws io.assay.core.error.AssayException CONCURRENT_CHANGE when someone changed it meanwhile
     */
    void saveRouting(Routing after);

    Optional<Objection> findObjection(String customer);

    /** @throws io.assay.core.error.AssayException ALREADY_EXISTS when the customer objects already */
    void insertObjection(Objection objection);

    void deleteObjection(String customer);

    /** Appends an event to the audit chain, linked to the current head. */
    AuditEvent appendAudit(AuditEntry entry);
}
