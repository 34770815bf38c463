package io.assay.store;

import io.assay.core.access.Role;
import io.assay.core.access.ApiToken;
import io.assay.core.access.User;
import io.assay.core.audit.AuditCheckpoint;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.ArtifactRef;
import io.assay.core.registry.Decision;
import io.assay.core.registry.Finding;
import io.assay.core.registry.GateResult;
import io.assay.core.registry.Environment;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.RegistryStore;
import io.assay.core.registry.RegistryTransaction;
import io.assay.core.registry.Routing;
import io.assay.core.registry.Review;
import io.assay.core.registry.ReviewPolicy;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.Stage;
import io.assay.core.registry.TestResult;
import io.assay.core.registry.UseCase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry in SQL (H2 or PostgreSQL). Every transaction first locks the audit chain's head
 * row, so writers take turns: the chain never forks, a transaction sees what the one before it
 * committed, and no two transactions wait on each other in opposite orders. Rows are mapped to
 * domain records here and never leave this class.
 */
final class JdbcRegistryStore implements RegistryStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String USE_CASE_COLUMNS = "name, owner, description, risk_tier, intended_use, limitations, "
            + "consuming_applications, approver_roles, required_gates, marketing_purpose, registered_at";
    private static final String VERSION_COLUMNS = "use_case, number, author, stage, revision, artifact_sha256, artifact_size, "
            + "artifact_format, signature_json, provenance_json, metric_spec_json, reworks, stage_reason, created_at, updated_at";
    private static final String TOKEN_COLUMNS = "id, user_name, label, secret_sha256, created_by, created_at, expires_at, revoked_at";
    private static final String AUDIT_COLUMNS = "sequence, event_time, actor, action, subject, before_state, after_state, reason, "
            + "request_id, previous_hash, hash";

    private final Transactions transactions;

    JdbcRegistryStore(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    @Override
    public <T> T inTransaction(Function<RegistryTransaction, T> work) {
        return transactions.run("change the registry", connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT sequence FROM audit_head WHERE id = 1 FOR UPDATE");
                 ResultSet ignored = lock.executeQuery()) {
                // held until commit or rollback
            }
            return work.apply(new JdbcTransaction(connection));
        });
    }

    @Override
    public Optional<User> findUser(String name) {
        return read("find a user", tx -> tx.findUser(name));
    }

    @Override
    public List<User> listUsers() {
        return read("list users", tx -> tx.query("SELECT name, roles, created_by, created_at, active FROM users ORDER BY name",
                JdbcRegistryStore::user));
    }

    @Override
    public Optional<ApiToken> findToken(String id) {
        return read("find a token", tx -> tx.findToken(id));
    }

    @Override
    public List<ApiToken> listTokens(Optional<String> user) {
        String order = " ORDER BY created_at DESC, id";
        return read("list tokens", tx -> user.isPresent()
                ? tx.query("SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE user_name = ?" + order, JdbcRegistryStore::token, user.get())
                : tx.query("SELECT " + TOKEN_COLUMNS + " FROM api_tokens" + order, JdbcRegistryStore::token));
    }

    @Override
    public Optional<UseCase> findUseCase(String name) {
        return read("find a use case", tx -> tx.findUseCase(name));
    }

    @Override
    public List<UseCase> listUseCases() {
        return read("list use cases", tx -> tx.query("SELECT " + USE_CASE_COLUMNS + " FROM use_cases ORDER BY name",
                JdbcRegistryStore::useCase));
    }

    @Override
    public Optional<ModelVersion> findVersion(String useCase, int number) {
        return read("find a model version", tx -> tx.findVersion(useCase, number));
    }

    @Override
    public List<ModelVersion> listVersions(String useCase) {
        return read("list model versions", tx -> tx.versions("use_case = ?", useCase));
    }

    @Override
    public List<Routing> listRouting(String useCase) {
        return read("read routing", tx -> tx.sql(connection -> RoutingRows.of(connection, useCase)));
    }

    @Override
    public Optional<AuditEvent> auditHead() {
        return read("read the audit head", tx -> tx.query("SELECT " + AUDIT_COLUMNS + " FROM audit_events WHERE sequence = "
                + "(SELECT max(sequence) FROM audit_events)", JdbcRegistryStore::auditEvent).stream().findFirst());
    }

    @Override
    public AuditCheckpoint recordedHead() {
        return read("read the audit head", tx -> tx.query("SELECT sequence, hash FROM audit_head WHERE id = 1",
                row -> new AuditCheckpoint(row.getLong(1), row.getString(2), Instant.EPOCH)).get(0));
    }

    @Override
    public List<AuditEvent> auditOf(String subject) {
        return read("read the audit log", tx -> tx.query("SELECT " + AUDIT_COLUMNS + " FROM audit_events WHERE subject = ? "
                + "ORDER BY sequence", JdbcRegistryStore::auditEvent, subject));
    }

    @Override
    public void scanAudit(long from, long to, Consumer<AuditEvent> consumer) {
        transactions.run("read the audit log", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + AUDIT_COLUMNS + " FROM audit_events "
                    + "WHERE sequence BETWEEN ? AND ? ORDER BY sequence")) {
                select.setFetchSize(1000);
                select.setLong(1, from);
                select.setLong(2, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(auditEvent(rows));
                    }
                }
            }
            return null;
        });
    }

    /** A read in its own short transaction, without the head lock. */
    private <T> T read(String what, Function<JdbcTransaction, T> query) {
        return transactions.run(what, connection -> query.apply(new JdbcTransaction(connection)));
    }

    private static final class JdbcTransaction implements RegistryTransaction {
        private final Connection connection;

        JdbcTransaction(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Optional<User> findUser(String name) {
            return query("SELECT name, roles, created_by, created_at, active FROM users WHERE name = ?", JdbcRegistryStore::user, name)
                    .stream().findFirst();
        }

        @Override
        public boolean anyUser() {
            return !query("SELECT name FROM users FETCH FIRST 1 ROWS ONLY", row -> row.getString(1)).isEmpty();
        }

        @Override
        public Optional<AuditEvent> auditHead() {
            return query("SELECT " + AUDIT_COLUMNS + " FROM audit_events WHERE sequence = (SELECT sequence FROM audit_head WHERE id = 1)",
                    JdbcRegistryStore::auditEvent).stream().findFirst();
        }

        @Override
        public void insertUser(User user) {
            insert("INSERT INTO users (name, roles, created_by, created_at, active) VALUES (?, ?, ?, ?, ?)",
                    "user " + user.name() + " already exists",
                    user.name(), names(user.roles()), user.createdBy(), timestamp(user.createdAt()), user.active());
        }

        @Override
        public void updateUser(User user) {
            if (update("UPDATE users SET roles = ?, active = ? WHERE name = ?", names(user.roles()), user.active(), user.name()) == 0) {
                throw AssayException.notFound("no user " + user.name());
            }
        }

        @Override
        public Optional<ApiToken> findToken(String id) {
            return query("SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE id = ?", JdbcRegistryStore::token, id).stream().findFirst();
        }

        @Override
        public void insertToken(ApiToken t) {
            insert("INSERT INTO api_tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "token " + t.id() + " already exists",
                    t.id(), t.user(), t.label(), t.secretSha256(), t.createdBy(), timestamp(t.createdAt()),
                    t.expiresAt().map(JdbcRegistryStore::timestamp).orElse(null), t.revokedAt().map(JdbcRegistryStore::timestamp).orElse(null));
        }

        @Override
        public void updateToken(ApiToken t) {
            if (update("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", t.revokedAt().map(JdbcRegistryStore::timestamp).orElse(null),
                    t.id()) == 0) {
                throw AssayException.notFound("no token " + t.id());
            }
        }

        @Override
        public Optional<UseCase> findUseCase(String name) {
            return query("SELECT " + USE_CASE_COLUMNS + " FROM use_cases WHERE name = ?", JdbcRegistryStore::useCase, name)
                    .stream().findFirst();
        }

        @Override
        public void insertUseCase(UseCase u) {
            insert("INSERT INTO use_cases (" + USE_CASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "use case " + u.name() + " already exists",
                    u.name(), u.owner(), u.description(), u.riskTier().name(), u.intendedUse(), u.limitations(),
                    String.join(",", u.consumingApplications()), names(u.reviewPolicy().approverRoles()),
                    String.join(",", u.reviewPolicy().requiredGates()), u.marketingPurpose(), timestamp(u.registeredAt()));
        }

        @Override
        public Optional<ModelVersion> findVersion(String useCase, int number) {
            return versions("use_case = ? AND number = ?", useCase, number).stream().findFirst();
        }

        @Override
        public Optional<ModelVersion> findVersionInStage(String useCase, Stage stage) {
            return versions("use_case = ? AND stage = ?", useCase, stage.name()).stream().findFirst();
        }

        @Override
        public int nextVersionNumber(String useCase) {
            return query("SELECT coalesce(max(number), 0) + 1 FROM model_versions WHERE use_case = ?", row -> row.getInt(1), useCase)
                    .get(0);
        }

        @Override
        public void insertVersion(ModelVersion v) {
            insert("INSERT INTO model_versions (" + VERSION_COLUMNS + ", production_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    v.label() + " already exists",
                    v.useCase(), v.number(), v.author(), v.stage().name(), v.revision(), v.artifact().sha256(), v.artifact().sizeBytes(),
                    v.artifact().format(), RegistryJson.signature(v.signature()), RegistryJson.provenance(v.provenance()),
                    RegistryJson.metricSpec(v.metricSpec()), v.reworks().orElse(null), v.stageReason(), timestamp(v.createdAt()),
                    timestamp(v.updatedAt()), productionOf(v));
            appendChildren(v, 0, 0, 0, 0);
        }

        @Override
        public void updateVersion(ModelVersion v) {
            Optional<ModelVersion> stored = findVersion(v.useCase(), v.number());
            int changed;
            try {
                changed = update("UPDATE model_versions SET stage = ?, production_of = ?, revision = ?, stage_reason = ?, updated_at = ? "
                                + "WHERE use_case = ? AND number = ? AND revision = ?",
                        v.stage().name(), productionOf(v), v.revision(), v.stageReason(), timestamp(v.updatedAt()), v.useCase(),
                        v.number(), v.revision() - 1);
            } catch (Transactions.SqlFailure e) {
                if (UNIQUE_VIOLATION.equals(((SQLException) e.getCause()).getSQLState())) {
                    throw new AssayException(ErrorCode.CONCURRENT_CHANGE, "use case " + v.useCase()
                            + " already has a version in PRODUCTION");
                }
                throw e;
            }
            if (changed == 0 || stored.isEmpty()) {
                throw new AssayException(ErrorCode.CONCURRENT_CHANGE, v.label() + " was changed by someone else meanwhile"
                        + " (expected revision " + (v.revision() - 1) + "); reload it and try again");
            }
            ModelVersion before = stored.get();
            appendChildren(v, before.evidence().size(), before.reviews().size(), before.tests().size(), before.findings().size());
        }

        @Override
        public Optional<Routing> findRouting(String useCase, Environment environment) {
            return sql(connection -> RoutingRows.find(connection, useCase, environment));
        }

        @Override
        public void saveRouting(Routing after) {
            sql(connection -> {
                RoutingRows.save(connection, after);
                return null;
            });
        }

        <T> T sql(Transactions.Work<T> work) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new Transactions.SqlFailure(e);
            }
        }

        @Override
        public AuditEvent appendAudit(AuditEntry entry) {
            try {
                return JdbcAuditChain.append(connection, entry);
            } catch (SQLException e) {
                throw new Transactions.SqlFailure(e);
            }
        }

        /** Writes the list entries past those already stored; the lists of a version only grow. */
        private void appendChildren(ModelVersion v, int evidenceStored, int reviewsStored, int testsStored, int findingsStored) {
            for (int i = evidenceStored; i < v.evidence().size(); i++) {
                GateResult g = v.evidence().get(i);
                update("INSERT INTO gate_results (use_case, number, position, gate, passed, figures_json, engine_version, recorded_by, "
                                + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", v.useCase(), v.number(), i, g.gate(), g.passed(),
                        RegistryJson.figures(g.figures()), g.engineVersion(), g.recordedBy(), timestamp(g.recordedAt()));
            }
            for (int i = reviewsStored; i < v.reviews().size(); i++) {
                Review r = v.reviews().get(i);
                update("INSERT INTO reviews (use_case, number, position, role, reviewer, decision, review_comment, digest, findings_json, "
                                + "reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v.useCase(), v.number(), i, r.role().name(),
                        r.reviewer(), r.decision().name(), r.comment(), r.digest(), RegistryJson.findings(r.findings()),
                        timestamp(r.reviewedAt()));
            }
            for (int i = testsStored; i < v.tests().size(); i++) {
                TestResult t = v.tests().get(i);
                update("INSERT INTO test_results (use_case, number, position, test_name, passed, detail, findings_json, recorded_by, "
                                + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", v.useCase(), v.number(), i, t.test(), t.passed(),
                        t.detail(), RegistryJson.findings(t.findings()), t.recordedBy(), timestamp(t.recordedAt()));
            }
            for (int i = findingsStored; i < v.findings().size(); i++) {
                Finding f = v.findings().get(i);
                update("INSERT INTO version_findings (use_case, number, position, finding, gate) VALUES (?, ?, ?, ?, ?)",
                        v.useCase(), v.number(), i, f.text(), f.gate().orElse(null));
            }
        }

        /**
         * The versions of one use case matching {@code condition}, each with its lists: five
         * queries however many versions there are (the lists of all of them are read at once).
         */
        List<ModelVersion> versions(String condition, Object... parameters) {
            List<VersionRow> rows = query("SELECT " + VERSION_COLUMNS + " FROM model_versions WHERE " + condition + " ORDER BY number",
                    VersionRow::of, parameters);
            if (rows.isEmpty()) {
                return List.of();
            }
            boolean one = rows.size() == 1;
            String children = (one ? "use_case = ? AND number = ?" : "use_case = ?") + " ORDER BY number, position";
            Object[] key = one ? new Object[] {rows.get(0).useCase(), rows.get(0).number()} : new Object[] {rows.get(0).useCase()};
            Map<Integer, List<GateResult>> evidence = grouped(query("SELECT number, gate, passed, figures_json, engine_version, "
                    + "recorded_by, recorded_at FROM gate_results WHERE " + children, r -> Map.entry(r.getInt(1), new GateResult(
                    r.getString(2), r.getBoolean(3), RegistryJson.figures(r.getString(4)), r.getString(5), r.getString(6),
                    instant(r, 7))), key));
            Map<Integer, List<Review>> reviews = grouped(query("SELECT number, role, reviewer, decision, review_comment, digest, "
                    + "findings_json, reviewed_at FROM reviews WHERE " + children, r -> Map.entry(r.getInt(1), new Review(
                    Role.valueOf(r.getString(2)), r.getString(3), Decision.valueOf(r.getString(4)), r.getString(5), r.getString(6),
                    RegistryJson.findings(r.getString(7)), instant(r, 8))), key));
            Map<Integer, List<TestResult>> tests = grouped(query("SELECT number, test_name, passed, detail, findings_json, "
                    + "recorded_by, recorded_at FROM test_results WHERE " + children, r -> Map.entry(r.getInt(1), new TestResult(
                    r.getString(2), r.getBoolean(3), r.getString(4), RegistryJson.findings(r.getString(5)), r.getString(6),
                    instant(r, 7))), key));
            Map<Integer, List<Finding>> findings = grouped(query("SELECT number, finding, gate FROM version_findings WHERE " + children,
                    r -> Map.entry(r.getInt(1), new Finding(r.getString(2), Optional.ofNullable(r.getString(3)))), key));
            return rows.stream().map(row -> row.toVersion(evidence.getOrDefault(row.number(), List.of()),
                    reviews.getOrDefault(row.number(), List.of()), tests.getOrDefault(row.number(), List.of()),
                    findings.getOrDefault(row.number(), List.of()))).toList();
        }

        private static <T> Map<Integer, List<T>> grouped(List<Map.Entry<Integer, T>> entries) {
            Map<Integer, List<T>> byNumber = new HashMap<>();
            entries.forEach(entry -> byNumber.computeIfAbsent(entry.getKey(), n -> new ArrayList<>()).add(entry.getValue()));
            return byNumber;
        }

        <T> List<T> query(String sql, Transactions.RowMapper<T> mapper, Object... parameters) {
            try {
                return Transactions.query(connection, sql, parameters, mapper);
            } catch (SQLException e) {
                throw new Transactions.SqlFailure(e);
            }
        }

        private int update(String sql, Object... parameters) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new Transactions.SqlFailure(e);
            }
        }

        private void insert(String sql, String alreadyExists, Object... parameters) {
            try {
                update(sql, parameters);
            } catch (Transactions.SqlFailure e) {
                if (UNIQUE_VIOLATION.equals(((SQLException) e.getCause()).getSQLState())) {
                    throw new AssayException(ErrorCode.ALREADY_EXISTS, alreadyExists);
                }
                throw e;
            }
        }
    }

    /** A model_versions row, before its lists are attached. */
    private record VersionRow(String useCase, int number, String author, Stage stage, long revision, ArtifactRef artifact,
                              String signature, String provenance, String metricSpec, Optional<Integer> reworks, String stageReason,
                              Instant createdAt, Instant updatedAt) {
        static VersionRow of(ResultSet row) throws SQLException {
            int reworks = row.getInt("reworks");
            Optional<Integer> reworked = row.wasNull() ? Optional.empty() : Optional.of(reworks);
            return new VersionRow(row.getString("use_case"), row.getInt("number"), row.getString("author"),
                    Stage.valueOf(row.getString("stage")), row.getLong("revision"), new ArtifactRef(row.getString("artifact_sha256"),
                    row.getLong("artifact_size"), row.getString("artifact_format")), row.getString("signature_json"),
                    row.getString("provenance_json"), row.getString("metric_spec_json"), reworked, row.getString("stage_reason"),
                    instant(row, "created_at"), instant(row, "updated_at"));
        }

        ModelVersion toVersion(List<GateResult> evidence, List<Review> reviews, List<TestResult> tests, List<Finding> findings) {
            return new ModelVersion(useCase, number, author, stage, revision, artifact, RegistryJson.signature(signature),
                    RegistryJson.provenance(provenance), RegistryJson.metricSpec(metricSpec), reworks, evidence, reviews, tests,
                    findings, stageReason, createdAt, updatedAt);
        }
    }

    private static ApiToken token(ResultSet row) throws SQLException {
        OffsetDateTime expires = row.getObject("expires_at", OffsetDateTime.class);
        OffsetDateTime revoked = row.getObject("revoked_at", OffsetDateTime.class);
        return new ApiToken(row.getString("id"), row.getString("user_name"), row.getString("label"), row.getString("secret_sha256"),
                row.getString("created_by"), instant(row, "created_at"), Optional.ofNullable(expires).map(OffsetDateTime::toInstant),
                Optional.ofNullable(revoked).map(OffsetDateTime::toInstant));
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getString("name"), roles(row.getString("roles")), row.getString("created_by"),
                instant(row, "created_at"), row.getBoolean("active"));
    }

    private static UseCase useCase(ResultSet row) throws SQLException {
        return new UseCase(row.getString("name"), row.getString("owner"), row.getString("description"),
                RiskTier.valueOf(row.getString("risk_tier")), row.getString("intended_use"), row.getString("limitations"),
                list(row.getString("consuming_applications")),
                new ReviewPolicy(roles(row.getString("approver_roles")), list(row.getString("required_gates"))),
                row.getBoolean("marketing_purpose"), instant(row, "registered_at"));
    }

    private static AuditEvent auditEvent(ResultSet row) throws SQLException {
        return new AuditEvent(row.getLong("sequence"), new AuditEntry(instant(row, "event_time"), row.getString("actor"),
                row.getString("action"), row.getString("subject"), row.getString("before_state"), row.getString("after_state"),
                row.getString("reason"), row.getString("request_id")), row.getString("previous_hash"), row.getString("hash"));
    }

    private static String productionOf(ModelVersion version) {
        return version.stage() == Stage.PRODUCTION ? version.useCase() : null;
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        list(names).forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Arrays.asList(commaSeparated.split(","));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
