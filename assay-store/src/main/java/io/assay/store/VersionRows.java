package io.assay.store;

import io.assay.core.access.Role;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.ArtifactRef;
import io.assay.core.registry.Decision;
import io.assay.core.registry.Finding;
import io.assay.core.registry.GateResult;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.Review;
import io.assay.core.registry.ReviewPolicy;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.Stage;
import io.assay.core.registry.TestResult;
import io.assay.core.registry.UseCase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The use_cases and model_versions tables with a version's lists (gate results, reviews, tests,
 * findings), which only ever grow: a change writes the entries past those already stored.
 */
final class VersionRows {
    private static final String USE_CASE_COLUMNS = "name, owner, description, risk_tier, intended_use, limitations, "
            + "consuming_applications, approver_roles, required_gates, marketing_purpose, registered_at";
    private static final String VERSION_COLUMNS = "use_case, number, author, stage, revision, artifact_sha256, artifact_size, "
            + "artifact_format, signature_json, provenance_json, metric_spec_json, reworks, stage_reason, created_at, updated_at";

    private VersionRows() {}

    static Optional<UseCase> findUseCase(Sql sql, String name) {
        return sql.queryOne("SELECT " + USE_CASE_COLUMNS + " FROM use_cases WHERE name = ?", row -> useCase(sql, row), name);
    }

    static List<UseCase> listUseCases(Sql sql) {
        return sql.query("SELECT " + USE_CASE_COLUMNS + " FROM use_cases ORDER BY name", row -> useCase(sql, row));
    }

    static void insertUseCase(Sql sql, UseCase u) {
        sql.insert("INSERT INTO use_cases (" + USE_CASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "use case " + u.name() + " already exists",
                u.name(), u.owner(), u.description(), u.riskTier().name(), u.intendedUse(), u.limitations(),
                String.join(",", u.consumingApplications()), AccessRows.names(u.reviewPolicy().approverRoles()),
                String.join(",", u.reviewPolicy().requiredGates()), u.marketingPurpose(), u.registeredAt());
    }

    static int nextNumber(Sql sql, String useCase) {
        return sql.query("SELECT coalesce(max(number), 0) + 1 FROM model_versions WHERE use_case = ?", row -> row.getInt(1), useCase)
                .get(0);
    }

    static void insertVersion(Sql sql, ModelVersion v) {
        sql.insert("INSERT INTO model_versions (" + VERSION_COLUMNS + ", production_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.label() + " already exists",
                v.useCase(), v.number(), v.author(), v.stage().name(), v.revision(), v.artifact().sha256(), v.artifact().sizeBytes(),
                v.artifact().format(), RegistryJson.signature(v.signature()), RegistryJson.provenance(v.provenance()),
                RegistryJson.metricSpec(v.metricSpec()), v.reworks().orElse(null), v.stageReason(), v.createdAt(), v.updatedAt(),
                productionOf(v));
        appendLists(sql, v, 0, 0, 0, 0);
    }

    /** Replaces the version whose stored revision is one less than {@code v}'s; see RegistryTransaction#updateVersion. */
    static void updateVersion(Sql sql, ModelVersion v) {
        Optional<ModelVersion> stored = versions(sql, "use_case = ? AND number = ?", v.useCase(), v.number()).stream().findFirst();
        int changed;
        try {
            changed = sql.update("UPDATE model_versions SET stage = ?, production_of = ?, revision = ?, stage_reason = ?, updated_at = ? "
                            + "WHERE use_case = ? AND number = ? AND revision = ?",
                    v.stage().name(), productionOf(v), v.revision(), v.stageReason(), v.updatedAt(), v.useCase(), v.number(),
                    v.revision() - 1);
        } catch (Transactions.SqlFailure e) {
            if (sql.isUniqueViolation(e)) {
                throw new AssayException(ErrorCode.CONCURRENT_CHANGE, "use case " + v.useCase() + " already has a version in PRODUCTION");
            }
            throw e;
        }
        if (changed == 0 || stored.isEmpty()) {
            throw new AssayException(ErrorCode.CONCURRENT_CHANGE, v.label() + " was changed by someone else meanwhile"
                    + " (expected revision " + (v.revision() - 1) + "); reload it and try again");
        }
        ModelVersion before = stored.get();
        appendLists(sql, v, before.evidence().size(), before.reviews().size(), before.tests().size(), before.findings().size());
    }

    /**
     * The versions of one use case matching {@code condition}, each with its lists: five
     * queries however many versions there are (the lists of all of them are read at once).
     */
    static List<ModelVersion> versions(Sql sql, String condition, Object... parameters) {
        List<VersionRow> rows = sql.query("SELECT " + VERSION_COLUMNS + " FROM model_versions WHERE " + condition + " ORDER BY number",
                row -> VersionRow.of(sql, row), parameters);
        if (rows.isEmpty()) {
            return List.of();
        }
        boolean one = rows.size() == 1;
        String children = (one ? "use_case = ? AND number = ?" : "use_case = ?") + " ORDER BY number, position";
        Object[] key = one ? new Object[] {rows.get(0).useCase(), rows.get(0).number()} : new Object[] {rows.get(0).useCase()};
        Map<Integer, List<GateResult>> evidence = grouped(sql.query("SELECT number, gate, passed, figures_json, engine_version, "
                + "recorded_by, recorded_at FROM gate_results WHERE " + children, r -> Map.entry(r.getInt(1), new GateResult(
                r.getString(2), r.getBoolean(3), RegistryJson.figures(r.getString(4)), r.getString(5), r.getString(6),
                sql.instant(r, 7))), key));
        Map<Integer, List<Review>> reviews = grouped(sql.query("SELECT number, role, reviewer, decision, review_comment, digest, "
                + "findings_json, reviewed_at FROM reviews WHERE " + children, r -> Map.entry(r.getInt(1), new Review(
                Role.valueOf(r.getString(2)), r.getString(3), Decision.valueOf(r.getString(4)), r.getString(5), r.getString(6),
                RegistryJson.findings(r.getString(7)), sql.instant(r, 8))), key));
        Map<Integer, List<TestResult>> tests = grouped(sql.query("SELECT number, test_name, passed, detail, findings_json, "
                + "recorded_by, recorded_at FROM test_results WHERE " + children, r -> Map.entry(r.getInt(1), new TestResult(
                r.getString(2), r.getBoolean(3), r.getString(4), RegistryJson.findings(r.getString(5)), r.getString(6),
                sql.instant(r, 7))), key));
        Map<Integer, List<Finding>> findings = grouped(sql.query("SELECT number, finding, gate FROM version_findings WHERE " + children,
                r -> Map.entry(r.getInt(1), new Finding(r.getString(2), Optional.ofNullable(r.getString(3)))), key));
        return rows.stream().map(row -> row.toVersion(evidence.getOrDefault(row.number(), List.of()),
                reviews.getOrDefault(row.number(), List.of()), tests.getOrDefault(row.number(), List.of()),
                findings.getOrDefault(row.number(), List.of()))).toList();
    }

    /** Writes the list entries past those already stored. */
    private static void appendLists(Sql sql, ModelVersion v, int evidenceStored, int reviewsStored, int testsStored, int findingsStored) {
        for (int i = evidenceStored; i < v.evidence().size(); i++) {
            GateResult g = v.evidence().get(i);
            sql.update("INSERT INTO gate_results (use_case, number, position, gate, passed, figures_json, engine_version, recorded_by, "
                            + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", v.useCase(), v.number(), i, g.gate(), g.passed(),
                    RegistryJson.figures(g.figures()), g.engineVersion(), g.recordedBy(), g.recordedAt());
        }
        for (int i = reviewsStored; i < v.reviews().size(); i++) {
            Review r = v.reviews().get(i);
            sql.update("INSERT INTO reviews (use_case, number, position, role, reviewer, decision, review_comment, digest, findings_json, "
                            + "reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v.useCase(), v.number(), i, r.role().name(),
                    r.reviewer(), r.decision().name(), r.comment(), r.digest(), RegistryJson.findings(r.findings()), r.reviewedAt());
        }
        for (int i = testsStored; i < v.tests().size(); i++) {
            TestResult t = v.tests().get(i);
            sql.update("INSERT INTO test_results (use_case, number, position, test_name, passed, detail, findings_json, recorded_by, "
                            + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", v.useCase(), v.number(), i, t.test(), t.passed(),
                    t.detail(), RegistryJson.findings(t.findings()), t.recordedBy(), t.recordedAt());
        }
        for (int i = findingsStored; i < v.findings().size(); i++) {
            Finding f = v.findings().get(i);
            sql.update("INSERT INTO version_findings (use_case, number, position, finding, gate) VALUES (?, ?, ?, ?, ?)",
                    v.useCase(), v.number(), i, f.text(), f.gate().orElse(null));
        }
    }

    private static <T> Map<Integer, List<T>> grouped(List<Map.Entry<Integer, T>> entries) {
        Map<Integer, List<T>> byNumber = new HashMap<>();
        entries.forEach(entry -> byNumber.computeIfAbsent(entry.getKey(), n -> new ArrayList<>()).add(entry.getValue()));
        return byNumber;
    }

    private static String productionOf(ModelVersion version) {
        return version.stage() == Stage.PRODUCTION ? version.useCase() : null;
    }

    private static UseCase useCase(Sql sql, ResultSet row) throws SQLException {
        return new UseCase(row.getString("name"), row.getString("owner"), row.getString("description"),
                RiskTier.valueOf(row.getString("risk_tier")), row.getString("intended_use"), row.getString("limitations"),
                list(row.getString("consuming_applications")),
                new ReviewPolicy(AccessRows.roles(row.getString("approver_roles")), list(row.getString("required_gates"))),
                row.getBoolean("marketing_purpose"), sql.instant(row, "registered_at"));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Arrays.asList(commaSeparated.split(","));
    }

    /** A model_versions row, before its lists are attached. */
    private record VersionRow(String useCase, int number, String author, Stage stage, long revision, ArtifactRef artifact,
                              String signature, String provenance, String metricSpec, Optional<Integer> reworks, String stageReason,
                              Instant createdAt, Instant updatedAt) {
        static VersionRow of(Sql sql, ResultSet row) throws SQLException {
            int reworks = row.getInt("reworks");
            Optional<Integer> reworked = row.wasNull() ? Optional.empty() : Optional.of(reworks);
            return new VersionRow(row.getString("use_case"), row.getInt("number"), row.getString("author"),
                    Stage.valueOf(row.getString("stage")), row.getLong("revision"), new ArtifactRef(row.getString("artifact_sha256"),
                    row.getLong("artifact_size"), row.getString("artifact_format")), row.getString("signature_json"),
                    row.getString("provenance_json"), row.getString("metric_spec_json"), reworked, row.getString("stage_reason"),
                    sql.instant(row, "created_at"), sql.instant(row, "updated_at"));
        }

        ModelVersion toVersion(List<GateResult> evidence, List<Review> reviews, List<TestResult> tests, List<Finding> findings) {
            return new ModelVersion(useCase, number, author, stage, revision, artifact, RegistryJson.signature(signature),
                    RegistryJson.provenance(provenance), RegistryJson.metricSpec(metricSpec), reworks, evidence, reviews, tests,
                    findings, stageReason, createdAt, updatedAt);
        }
    }
}
