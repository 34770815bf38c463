package io.assay.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.core.access.Role;
import io.assay.core.access.UserService;
import io.assay.core.audit.AuditService;
import io.assay.core.audit.AuditVerification;
import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;
import io.assay.core.registry.ArtifactRef;
import io.assay.core.registry.Decision;
import io.assay.core.registry.EvidenceDigest;
import io.assay.core.registry.FeatureSpec;
import io.assay.core.registry.Finding;
import io.assay.core.registry.LineageGate;
import io.assay.core.registry.MetricSpec;
import io.assay.core.registry.MetricThreshold;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.ModelSignature;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.Provenance;
import io.assay.core.registry.ReviewPolicy;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.UseCase;
import io.assay.api.Views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's governance chapter: the three use cases, distinct people for each role, one version
 * walked from draft to production and one sent back. Gates that are not built yet are shown as
 * "not run"; the one gate that runs (lineage) and the one test (artifact integrity) are real.
 */
final class GovernanceChapter {
    static final String SCIENTIST = "dana.scientist";
    static final String LEGAL = "lena.legal";
    static final String DATA = "dirk.data";
    static final String COMPLIANCE = "carla.compliance";
    static final String MLOPS = "max.mlops";
    static final String AUDITOR = "alex.auditor";

    private final Output output;
    private final Clock clock;
    private final ObjectNode node;
    private int refused;

    GovernanceChapter(Output output, Clock clock, ObjectNode summary) {
        this.output = output;
        this.clock = clock;
        this.node = summary.putObject("governance");
    }

    void tell(Session session, Path workFolder) {
        output.note("");
        output.note("5. Governance: use cases, a version from draft to production, reviews by distinct people, an audit chain.");
        UserService users = session.services().users();
        String request = session.requestId();

        ModelRegistry registry = session.registry();
        List<String> gates = List.of(LineageGate.NAME);
        registry.registerUseCase(SCIENTIST, useCase("churn", "Which customers are likely to leave within a quarter.",
                RiskTier.MEDIUM, "Retention offers by relationship managers.", true, gates), request);
        registry.registerUseCase(SCIENTIST, useCase("mortgage-propensity", "Which customers are likely to take out a mortgage "
                + "within six months.", RiskTier.MEDIUM, "Timing of mortgage advice invitations.", true, gates), request);
        registry.registerUseCase(SCIENTIST, useCase("overdraft-40d", "Which customers are likely to go below zero within 40 days.",
                RiskTier.HIGH, "Early, free warnings and budgeting help.", false, gates), request);
        output.note("   use cases: churn, mortgage-propensity, overdraft-40d — each approved by legal, data and compliance; "
                + "required gate: lineage (the others join as they are built)");

        Provenance provenance = provenance(session, clock);
        ModelVersion churn = walkToProduction(session, registry, provenance, workFolder, request);
        sendBack(session, registry, provenance, workFolder, request);

        AuditVerification audit = new AuditService(session.registryStore(), clock).verify(Optional.empty());
        output.note("   audit chain: " + audit.eventsChecked() + " events, " + (audit.intact() ? "intact" : "BROKEN: " + audit.problem())
                + " (" + refused + " refused attempt(s) recorded too) — assay audit verify");
        node.put("use_cases", registry.listUseCases(MLOPS).size());
        node.put("users", users.list().size());
        node.putObject("in_production").put("churn", churn.number());
        node.put("refused_attempts", refused);
        Views.KNOWN_GATES.forEach(node.withArray("gates_not_run")::add);
        node.putObject("audit").put("events", audit.eventsChecked()).put("intact", audit.intact());
    }

    private ModelVersion walkToProduction(Session session, ModelRegistry registry, Provenance provenance, Path workFolder,
                                          String request) {
        ModelVersion draft = register(session, registry, "churn", provenance, workFolder, Optional.empty(), request);
        registry.submit(SCIENTIST, "churn", draft.number(), request);
        ModelVersion validated = runLineageGate(session, registry, "churn", draft.number(), provenance, request);
        output.note("   " + validated.label() + ": submitted by " + SCIENTIST + "; " + MLOPS + " runs the lineage gate: passed ("
                + provenance.snapshotHashes().size() + " snapshots found with their recorded hashes) -> " + validated.stage());
        output.note("     gates not run yet (not built): " + String.join(", ", Views.KNOWN_GATES));
        String digest = EvidenceDigest.of(validated);
        try {
            registry.review(SCIENTIST, "churn", draft.number(), Role.DATA_REVIEWER, Decision.APPROVE, "Looks good to me", digest,
                    List.of(), request);
        } catch (AssayException expected) {
            refused++;
            output.note("     " + SCIENTIST + " tries to approve her own version as data reviewer: refused — " + expected.getMessage());
        }
        registry.review(LEGAL, "churn", draft.number(), Role.LEGAL_REVIEWER, Decision.APPROVE,
                "Retention offers are a legitimate interest; objection handling is in place.", digest, List.of(), request);
        registry.review(DATA, "churn", draft.number(), Role.DATA_REVIEWER, Decision.APPROVE,
                "Inputs come from contracted, pseudonymised snapshots.", digest, List.of(), request);
        ModelVersion approved = registry.review(COMPLIANCE, "churn", draft.number(), Role.COMPLIANCE_REVIEWER, Decision.APPROVE,
                "No protected attribute among the features.", digest, List.of(), request);
        output.note("     " + LEGAL + ", " + DATA + " and " + COMPLIANCE + " approve digest " + digest.substring(0, 12) + "… -> "
                + approved.stage());
        boolean intact = session.artifacts().find(approved.artifact().sha256()).isPresent();
        registry.recordTest(MLOPS, "churn", draft.number(), "artifact-integrity", intact,
                "the stored artifact re-hashes to " + approved.artifact().sha256(), List.of(), request);
        ModelVersion promoted = registry.promote(MLOPS, "churn", draft.number(), Optional.empty(), request);
        output.note("     " + MLOPS + " checks the artifact in the test environment (re-hash: intact) and promotes -> "
                + promoted.stage());
        return promoted;
    }

    private void sendBack(Session session, ModelRegistry registry, Provenance provenance, Path workFolder, String request) {
        ModelVersion draft = register(session, registry, "mortgage-propensity", provenance, workFolder, Optional.empty(), request);
        registry.submit(SCIENTIST, "mortgage-propensity", draft.number(), request);
        ModelVersion validated = runLineageGate(session, registry, "mortgage-propensity", draft.number(), provenance, request);
        ModelVersion sentBack = registry.review(LEGAL, "mortgage-propensity", draft.number(), Role.LEGAL_REVIEWER, Decision.REJECT,
                "A marketing use needs the customer's marketing consent applied before scoring.", EvidenceDigest.of(validated),
                List.of(Finding.of("Exclude customers without marketing consent from the scored population")), request);
        ModelVersion rework = register(session, registry, "mortgage-propensity", provenance, workFolder, Optional.of(draft.number()),
                request);
        output.note("   " + sentBack.label() + ": " + LEGAL + " rejects it with a finding -> " + sentBack.stage() + "; "
                + rework.label() + " is registered as its rework (" + rework.stage() + ")");
        node.withArray("sent_back").add(sentBack.label());
    }

    private ModelVersion register(Session session, ModelRegistry registry, String useCase, Provenance provenance, Path workFolder,
                                  Optional<Integer> reworks, String request) {
        Path artifact = workFolder.resolve(useCase + "-" + reworks.map(r -> "rework-of-" + r).orElse("first") + ".json");
        try {
            Files.createDirectories(workFolder);
            Files.writeString(artifact, "{\"kind\": \"placeholder\", \"use_case\": \"" + useCase + "\", \"note\": \"no model is "
                    + "trained yet; training arrives with the training issue\"}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArtifactRef stored = session.artifacts().put(artifact, "placeholder");
        return registry.registerVersion(SCIENTIST, useCase, stored, signature(), provenance, metrics(), reworks, request);
    }

    private static ModelVersion runLineageGate(Session session, ModelRegistry registry, String useCase, int number,
                                               Provenance provenance, String request) {
        LineageGate.Outcome lineage = new LineageGate(session.services().data().catalog()).evaluate(provenance);
        return registry.attachEvidence(MLOPS, useCase, number, LineageGate.NAME, lineage.passed(), lineage.figures(),
                LineageGate.ENGINE, request);
    }

    /** The newest snapshot of each table a model of this bank would learn from. */
    private static Provenance provenance(Session session, Clock clock) {
        Map<String, String> snapshots = new LinkedHashMap<>();
        for (String table : List.of("customers", "accounts", "transactions")) {
            List<Snapshot> all = session.services().data().catalog().listSnapshots(Optional.of(table));
            if (!all.isEmpty()) {
                Snapshot newest = all.get(all.size() - 1);
                snapshots.put(newest.id(), newest.contentSha256());
            }
        }
        return new Provenance("demo-" + clock.instant().getEpochSecond(), snapshots, Map.of(), 7, Map.of("assay", "demo"));
    }

    private static UseCase useCase(String name, String description, RiskTier tier, String intendedUse, boolean marketing,
                                   List<String> gates) {
        return new UseCase(name, SCIENTIST, description, tier, intendedUse,
                "Not for credit decisions; scores are not shown to customers.", List.of("crm"), ReviewPolicy.allReviewers(gates),
                marketing, Instant.EPOCH);
    }

    private static ModelSignature signature() {
        return new ModelSignature(List.of(
                new FeatureSpec("balance_trend_90d", FeatureSpec.Type.NUMERIC, Optional.of(-1e7), Optional.of(1e7), List.of()),
                new FeatureSpec("salary_months_12", FeatureSpec.Type.NUMERIC, Optional.of(0.0), Optional.of(12.0), List.of()),
                new FeatureSpec("segment", FeatureSpec.Type.CATEGORICAL, Optional.empty(), Optional.empty(),
                        List.of("mass", "affluent", "student", "senior"))), "probability");
    }

    private static MetricSpec metrics() {
        return new MetricSpec(List.of(new MetricThreshold("auc", MetricThreshold.Comparison.AT_LEAST, 0.70),
                new MetricThreshold("brier", MetricThreshold.Comparison.AT_MOST, 0.20)));
    }
}
