package io.assay.store;

import io.assay.core.access.ApiToken;
import io.assay.core.access.User;
import io.assay.core.audit.AuditCheckpoint;
import io.assay.core.audit.AuditEvent;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.RegistryStore;
import io.assay.core.registry.RegistryTransaction;
import io.assay.core.registry.Routing;
import io.assay.core.registry.UseCase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The registry in SQL (SQLite or PostgreSQL). Every transaction that changes something first
 * takes the audit chain's head, so writers take turns: the chain never forks, a transaction sees
 * what the one before it committed, and no two transactions wait on each other in opposite
 * orders. Reads run in their own short transactions without it. Rows are mapped to domain
 * records by the *Rows classes and never leave this package.
 */
final class JdbcRegistryStore implements RegistryStore {
    private final Transactions transactions;

    JdbcRegistryStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Function<RegistryTransaction, T> work) {
        return transactions.write("change the registry", sql -> {
            try (PreparedStatement lock = sql.connection().prepareStatement(sql.dialect().lockAuditHead());
                 ResultSet ignored = lock.executeQuery()) {
                // held until commit or rollback
            }
            return work.apply(new JdbcRegistryTransaction(sql));
        });
    }

    @Override
    public Optional<User> findUser(String name) {
        return transactions.read("find a user", sql -> AccessRows.findUser(sql, name));
    }

    @Override
    public List<User> listUsers() {
        return transactions.read("list users", AccessRows::listUsers);
    }

    @Override
    public Optional<ApiToken> findToken(String id) {
        return transactions.read("find a token", sql -> AccessRows.findToken(sql, id));
    }

    @Override
    public List<ApiToken> listTokens(Optional<String> user) {
        return transactions.read("list tokens", sql -> AccessRows.listTokens(sql, user));
    }

    @Override
    public Optional<UseCase> findUseCase(String name) {
        return transactions.read("find a use case", sql -> VersionRows.findUseCase(sql, name));
    }

    @Override
    public List<UseCase> listUseCases() {
        return transactions.read("list use cases", VersionRows::listUseCases);
    }

    @Override
    public Optional<ModelVersion> findVersion(String useCase, int number) {
        return transactions.read("find a model version", sql -> VersionRows.versions(sql, "use_case = ? AND number = ?", useCase, number)
                .stream().findFirst());
    }

    @Override
    public List<ModelVersion> listVersions(String useCase) {
        return transactions.read("list model versions", sql -> VersionRows.versions(sql, "use_case = ?", useCase));
    }

    @Override
    public List<Routing> listRouting(String useCase) {
        return transactions.read("read routing", sql -> RoutingRows.of(sql, useCase));
    }

    @Override
    public List<io.assay.core.registry.Objection> listObjections() {
        return transactions.read("read objections", ObjectionRows::all);
    }

    @Override
    public Optional<AuditEvent> auditHead() {
        return transactions.read("read the audit head", sql -> sql.queryOne("SELECT " + JdbcAuditChain.COLUMNS
                + " FROM audit_events WHERE sequence = (SELECT max(sequence) FROM audit_events)", row -> JdbcAuditChain.event(sql, row)));
    }

    @Override
    public AuditCheckpoint recordedHead() {
        return transactions.read("read the audit head", sql -> sql.query("SELECT sequence, hash FROM audit_head WHERE id = 1",
                row -> new AuditCheckpoint(row.getLong(1), row.getString(2), Instant.EPOCH)).get(0));
    }

    @Override
    public List<AuditEvent> auditOf(String subject) {
        return transactions.read("read the audit log", sql -> sql.query("SELECT " + JdbcAuditChain.COLUMNS + " FROM audit_events "
                + "WHERE subject = ? ORDER BY sequence", row -> JdbcAuditChain.event(sql, row), subject));
    }

    @Override
    public void scanAudit(long from, long to, Consumer<AuditEvent> consumer) {
        transactions.read("read the audit log", sql -> {
            try (PreparedStatement select = sql.connection().prepareStatement("SELECT " + JdbcAuditChain.COLUMNS + " FROM audit_events "
                    + "WHERE sequence BETWEEN ? AND ? ORDER BY sequence")) {
                select.setFetchSize(1000);
                select.setLong(1, from);
                select.setLong(2, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(JdbcAuditChain.event(sql, rows));
                    }
                }
            }
            return null;
        });
    }
}
