package io.assay.store;

import io.assay.core.access.ApiToken;
import io.assay.core.access.User;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;
import io.assay.core.registry.Environment;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.RegistryTransaction;
import io.assay.core.registry.Routing;
import io.assay.core.registry.Stage;
import io.assay.core.registry.UseCase;

import java.sql.SQLException;
import java.util.Optional;

/** One registry transaction, holding the audit chain's head (see {@link JdbcRegistryStore}); each call is one *Rows statement. */
final class JdbcRegistryTransaction implements RegistryTransaction {
    private final Sql sql;

    JdbcRegistryTransaction(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<User> findUser(String name) {
        return AccessRows.findUser(sql, name);
    }

    @Override
    public boolean anyUser() {
        return AccessRows.anyUser(sql);
    }

    @Override
    public Optional<AuditEvent> auditHead() {
        return sql.queryOne("SELECT " + JdbcAuditChain.COLUMNS + " FROM audit_events WHERE sequence = "
                + "(SELECT sequence FROM audit_head WHERE id = 1)", row -> JdbcAuditChain.event(sql, row));
    }

    @Override
    public void insertUser(User user) {
        AccessRows.insertUser(sql, user);
    }

    @Override
    public void updateUser(User user) {
        AccessRows.updateUser(sql, user);
    }

    @Override
    public Optional<ApiToken> findToken(String id) {
        return AccessRows.findToken(sql, id);
    }

    @Override
    public void insertToken(ApiToken token) {
        AccessRows.insertToken(sql, token);
    }

    @Override
    public void updateToken(ApiToken token) {
        AccessRows.updateToken(sql, token);
    }

    @Override
    public Optional<UseCase> findUseCase(String name) {
        return VersionRows.findUseCase(sql, name);
    }

    @Override
    public void insertUseCase(UseCase useCase) {
        VersionRows.insertUseCase(sql, useCase);
    }

    @Override
    public Optional<ModelVersion> findVersion(String useCase, int number) {
        return VersionRows.versions(sql, "use_case = ? AND number = ?", useCase, number).stream().findFirst();
    }

    @Override
    public Optional<ModelVersion> findVersionInStage(String useCase, Stage stage) {
        return VersionRows.versions(sql, "use_case = ? AND stage = ?", useCase, stage.name()).stream().findFirst();
    }

    @Override
    public int nextVersionNumber(String useCase) {
        return VersionRows.nextNumber(sql, useCase);
    }

    @Override
    public void insertVersion(ModelVersion version) {
        VersionRows.insertVersion(sql, version);
    }

    @Override
    public void updateVersion(ModelVersion after) {
        VersionRows.updateVersion(sql, after);
    }

    @Override
    public Optional<Routing> findRouting(String useCase, Environment environment) {
        return RoutingRows.find(sql, useCase, environment);
    }

    @Override
    public void saveRouting(Routing after) {
        RoutingRows.save(sql, after);
    }

    @Override
    public Optional<io.assay.core.registry.Objection> findObjection(String customer) {
        return ObjectionRows.find(sql, customer);
    }

    @Override
    public void insertObjection(io.assay.core.registry.Objection objection) {
        ObjectionRows.insert(sql, objection);
    }

    @Override
    public void deleteObjection(String customer) {
        ObjectionRows.delete(sql, customer);
    }

    @Override
    public AuditEvent appendAudit(AuditEntry entry) {
        try {
            return JdbcAuditChain.append(sql, entry);
        } catch (SQLException e) {
            throw new Transactions.SqlFailure(e);
        }
    }
}
