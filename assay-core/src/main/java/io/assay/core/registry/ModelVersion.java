package io.assay.core.registry;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One version of a use case's model with everything governance needs: what it is (artifact,
 * signature, provenance, metric spec), the evidence and reviews gathered so far, and where it
 * stands. Changed only through {@link LifecyclePolicy}; every change raises the revision, which
 * the store checks so that a stale write fails.
 *
 * @param reworks     the sent-back version of the same use case this one reworks
 * @param stageReason why the version is in its stage, shown to reviewers (e.g. approvals voided by new evidence)
 */
public record ModelVersion(
        String useCase,
        int number,
        String author,
        Stage stage,
        long revision,
        ArtifactRef artifact,
        ModelSignature signature,
        Provenance provenance,
        MetricSpec metricSpec,
        Optional<Integer> reworks,
        List<GateResult> evidence,
        List<Review> reviews,
        List<TestResult> tests,
        List<Finding> findings,
        String stageReason,
        Instant createdAt,
        Instant updatedAt) {

    public ModelVersion {
        RegistryNames.requireUseCaseName(useCase);
        if (number < 1) {
            throw AssayException.invalid("version number " + number + " is not positive");
        }
        Names.requireUserName(author);
        requireNonNull(stage, "stage is null");
        if (revision < 1) {
            throw AssayException.invalid("revision " + revision + " is not positive");
        }
        requireNonNull(artifact, "artifact is null");
        requireNonNull(signature, "signature is null");
        requireNonNull(provenance, "provenance is null");
        requireNonNull(metricSpec, "metricSpec is null");
        requireNonNull(reworks, "reworks is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
        reviews = List.copyOf(requireNonNull(reviews, "reviews is null"));
        tests = List.copyOf(requireNonNull(tests, "tests is null"));
        findings = List.copyOf(requireNonNull(findings, "findings is null"));
        requireNonNull(stageReason, "stageReason is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    /** A new draft, revision 1, with no evidence yet. */
    public static ModelVersion draft(String useCase, int number, String author, ArtifactRef artifact, ModelSignature signature,
                                     Provenance provenance, MetricSpec metricSpec, Optional<Integer> reworks, Instant now) {
        return new ModelVersion(useCase, number, author, Stage.DRAFT, 1, artifact, signature, provenance, metricSpec, reworks,
                List.of(), List.of(), List.of(), List.of(), "registered", now, now);
    }

    /** "churn v3", for messages and audit subjects. */
    public String label() {
        return useCase + " v" + number;
    }

    /** The latest result of each gate, in the order gates first reported. */
    public List<GateResult> latestEvidence() {
        List<GateResult> latest = new ArrayList<>();
        for (GateResult result : evidence) {
            latest.removeIf(earlier -> earlier.gate().equals(result.gate()));
            latest.add(result);
        }
        return latest;
    }

    public Optional<GateResult> latestResultOf(String gate) {
        GateResult found = null;
        for (GateResult result : evidence) {
            if (result.gate().equals(gate)) {
                found = result;
            }
        }
        return Optional.ofNullable(found);
    }

    ModelVersion moved(Stage newStage, String reason, Instant now) {
        return new ModelVersion(useCase, number, author, newStage, revision + 1, artifact, signature, provenance, metricSpec,
                reworks, evidence, reviews, tests, findings, reason, createdAt, now);
    }

    ModelVersion withEvidence(GateResult result) {
        List<GateResult> more = new ArrayList<>(evidence);
        more.add(result);
        return new ModelVersion(useCase, number, author, stage, revision, artifact, signature, provenance, metricSpec, reworks,
                more, reviews, tests, findings, stageReason, createdAt, updatedAt);
    }

    ModelVersion withReview(Review review) {
        List<Review> more = new ArrayList<>(reviews);
        more.add(review);
        List<Finding> moreFindings = new ArrayList<>(findings);
        moreFindings.addAll(review.findings());
        return new ModelVersion(useCase, number, author, stage, revision, artifact, signature, provenance, metricSpec, reworks,
                evidence, more, tests, moreFindings, stageReason, createdAt, updatedAt);
    }

    ModelVersion withTest(TestResult test) {
        List<TestResult> more = new ArrayList<>(tests);
        more.add(test);
        List<Finding> moreFindings = new ArrayList<>(findings);
        moreFindings.addAll(test.findings());
        return new ModelVersion(useCase, number, author, stage, revision, artifact, signature, provenance, metricSpec, reworks,
                evidence, reviews, more, moreFindings, stageReason, createdAt, updatedAt);
    }
}
