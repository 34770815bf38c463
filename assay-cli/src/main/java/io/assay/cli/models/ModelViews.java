package io.assay.cli.models;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.cli.Output;
import io.assay.core.audit.AuditEvent;
import io.assay.core.registry.EvidenceDigest;
import io.assay.core.registry.Finding;
import io.assay.core.registry.GateResult;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.Review;
import io.assay.core.registry.UseCase;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The wire shape (JSON) and the text shape of registry results: one place each. */
public final class ModelViews {
    /** Gates that later parts of Assay will run; shown as "not run" until a version has their result. */
    public static final List<String> KNOWN_GATES = List.of("metrics", "fairness", "stability", "robustness", "latency");

    private ModelViews() {}

    public static ObjectNode useCase(UseCase useCase, Optional<ModelVersion> inProduction, int versions) {
        ObjectNode node = Output.JSON.createObjectNode()
                .put("name", useCase.name())
                .put("owner", useCase.owner())
                .put("description", useCase.description())
                .put("risk_tier", useCase.riskTier().name())
                .put("intended_use", useCase.intendedUse())
                .put("limitations", useCase.limitations())
                .put("marketing_purpose", useCase.marketingPurpose())
                .put("registered_at", useCase.registeredAt().toString())
                .put("versions", versions);
        useCase.consumingApplications().forEach(node.putArray("consuming_applications")::add);
        useCase.reviewPolicy().approverRoles().stream().sorted().forEach(role -> node.withArray("approver_roles").add(role.name()));
        node.putArray("required_gates");
        useCase.reviewPolicy().requiredGates().forEach(node.withArray("required_gates")::add);
        inProduction.ifPresentOrElse(v -> node.put("in_production", v.number()), () -> node.putNull("in_production"));
        return node;
    }

    public static ObjectNode version(ModelVersion version, UseCase useCase) {
        String digest = EvidenceDigest.of(version);
        ObjectNode node = Output.JSON.createObjectNode()
                .put("use_case", version.useCase())
                .put("version", version.number())
                .put("author", version.author())
                .put("stage", version.stage().name())
                .put("stage_reason", version.stageReason())
                .put("revision", version.revision())
                .put("evidence_digest", digest)
                .put("created_at", version.createdAt().toString())
                .put("updated_at", version.updatedAt().toString());
        version.reworks().ifPresentOrElse(r -> node.put("reworks", r), () -> node.putNull("reworks"));
        node.putObject("artifact").put("sha256", version.artifact().sha256()).put("size_bytes", version.artifact().sizeBytes())
                .put("format", version.artifact().format());
        ArrayNode gates = node.putArray("gates");
        for (String gate : gateNames(useCase)) {
            ObjectNode g = gates.addObject().put("gate", gate).put("required", useCase.reviewPolicy().requiredGates().contains(gate));
            version.latestResultOf(gate).ifPresentOrElse(result -> gateResult(g, result), () -> g.put("status", "NOT_RUN"));
        }
        ArrayNode reviews = node.putArray("reviews");
        for (Review review : version.reviews()) {
            reviews.addObject().put("role", review.role().name()).put("reviewer", review.reviewer())
                    .put("decision", review.decision().name()).put("comment", review.comment()).put("digest", review.digest())
                    .put("counts", review.digest().equals(digest)).put("reviewed_at", review.reviewedAt().toString());
        }
        LifecyclePolicy.outstandingApprovals(version, useCase, (reviewer, role) -> true).stream().sorted()
                .forEach(role -> node.withArray("awaiting_approval").add(role.name()));
        version.tests().forEach(test -> node.withArray("tests").addObject().put("test", test.test()).put("passed", test.passed())
                .put("detail", test.detail()).put("recorded_by", test.recordedBy()).put("recorded_at", test.recordedAt().toString()));
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : version.findings()) {
            ObjectNode f = findings.addObject().put("text", finding.text());
            finding.gate().ifPresent(gate -> f.put("gate", gate));
        }
        LifecyclePolicy.allowedActions(version.stage()).forEach(action -> node.withArray("allowed_actions").add(action.name()));
        return node;
    }

    public static ObjectNode event(AuditEvent event) {
        return Output.JSON.createObjectNode()
                .put("sequence", event.sequence())
                .put("time", event.entry().time().toString())
                .put("actor", event.entry().actor())
                .put("action", event.entry().action())
                .put("subject", event.entry().subject())
                .put("before", event.entry().before())
                .put("after", event.entry().after())
                .put("reason", event.entry().reason())
                .put("request_id", event.entry().requestId())
                .put("previous_hash", event.previousHash())
                .put("hash", event.hash());
    }

    public static void printVersion(PrintWriter out, ModelVersion version, UseCase useCase) {
        String digest = EvidenceDigest.of(version);
        out.printf("%s — %s (revision %d) by %s%n", version.label(), version.stage(), version.revision(), version.author());
        out.printf("  why:        %s%n", version.stageReason());
        version.reworks().ifPresent(r -> out.printf("  reworks:    %s v%d%n", version.useCase(), r));
        out.printf("  artifact:   %s (%,d bytes, %s)%n", version.artifact().sha256(), version.artifact().sizeBytes(),
                version.artifact().format());
        out.printf("  digest:     %s   <- reviewers sign this%n", digest);
        out.println("  gates:");
        for (String gate : gateNames(useCase)) {
            String required = useCase.reviewPolicy().requiredGates().contains(gate) ? "required" : "not required yet";
            out.printf("    %-12s %-28s %s%n", gate, version.latestResultOf(gate).map(ModelViews::verdict).orElse("not run"), required);
        }
        out.println("  reviews:");
        for (Review review : version.reviews()) {
            boolean counts = review.digest().equals(digest);
            out.printf("    %-20s %-16s %-8s %s%s%n", review.role(), review.reviewer(), review.decision(), review.comment(),
                    counts ? "" : "  (older evidence: no longer counts)");
        }
        var awaiting = LifecyclePolicy.outstandingApprovals(version, useCase, (reviewer, role) -> true);
        if (!awaiting.isEmpty() && !version.stage().isFinal()) {
            out.printf("    awaiting approval by %s%n", awaiting.stream().sorted().toList());
        }
        version.tests().forEach(test -> out.printf("  test:       %s %s — %s (%s)%n", test.test(), test.passed() ? "passed" : "FAILED",
                test.detail(), test.recordedBy()));
        version.findings().forEach(finding -> out.printf("  finding:    %s%s%n", finding.text(),
                finding.gate().map(g -> " [gate " + g + "]").orElse("")));
        out.printf("  next:       %s%n", LifecyclePolicy.allowedActions(version.stage()));
    }

    private static List<String> gateNames(UseCase useCase) {
        List<String> names = new java.util.ArrayList<>(useCase.reviewPolicy().requiredGates());
        KNOWN_GATES.stream().filter(gate -> !names.contains(gate)).forEach(names::add);
        return names;
    }

    private static void gateResult(ObjectNode node, GateResult result) {
        node.put("status", result.passed() ? "PASSED" : "FAILED").put("engine_version", result.engineVersion())
                .put("recorded_by", result.recordedBy()).put("recorded_at", result.recordedAt().toString());
        ObjectNode figures = node.putObject("figures");
        result.figures().forEach(figures::put);
    }

    private static String verdict(GateResult result) {
        return (result.passed() ? "passed" : "FAILED") + (result.figures().isEmpty() ? "" : " " + result.figures());
    }
}
