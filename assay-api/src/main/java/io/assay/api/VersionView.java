package io.assay.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model version as clients see it: where it stands and why, the digest reviewers sign, every
 * gate (required or not, run or not), the reviews and whether each still counts, and what can
 * happen next.
 */
public record VersionView(
        String useCase,
        int version,
        String author,
        String stage,
        String stageReason,
        long revision,
        String evidenceDigest,
        Instant createdAt,
        Instant updatedAt,
        Optional<Integer> reworks,
        Artifact artifact,
        List<Gate> gates,
        List<ReviewEntry> reviews,
        List<String> awaitingApproval,
        List<TestEntry> tests,
        List<FindingEntry> findings,
        List<String> allowedActions) {

    public record Artifact(String sha256, long sizeBytes, String format) {
    }

    /** {@code status} is PASSED, FAILED or NOT_RUN; a gate not run has no figures, never made-up ones. */
    public record Gate(String gate, boolean required, String status, Optional<String> engineVersion, Optional<String> recordedBy,
                       Optional<Instant> recordedAt, Map<String, Double> figures) {
    }

    public record ReviewEntry(String role, String reviewer, String decision, String comment, String digest, boolean counts,
                              Instant reviewedAt) {
    }

    public record TestEntry(String test, boolean passed, String detail, String recordedBy, Instant recordedAt) {
    }

    public record FindingEntry(String text, Optional<String> gate) {
    }

    public String label() {
        return useCase + " v" + version;
    }
}
