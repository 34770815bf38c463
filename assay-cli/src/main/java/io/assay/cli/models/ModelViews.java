package io.assay.cli.models;

import io.assay.api.VersionView;

import java.io.PrintWriter;

/** The text shape of a version for a person; the JSON shape is the wire record itself. */
public final class ModelViews {
    private ModelViews() {}

    public static void printVersion(PrintWriter out, VersionView version) {
        out.printf("%s — %s (revision %d) by %s%n", version.label(), version.stage(), version.revision(), version.author());
        out.printf("  why:        %s%n", version.stageReason());
        version.reworks().ifPresent(r -> out.printf("  reworks:    %s v%d%n", version.useCase(), r));
        out.printf("  artifact:   %s (%,d bytes, %s)%n", version.artifact().sha256(), version.artifact().sizeBytes(),
                version.artifact().format());
        out.printf("  evidence digest: %s   <- reviewers sign this (--digest)%n", version.evidenceDigest());
        out.println("  gates:");
        for (VersionView.Gate gate : version.gates()) {
            String verdict = switch (gate.status()) {
                case "NOT_RUN" -> "not run";
                case "PASSED" -> "passed" + figures(gate.figures());
                default -> "FAILED" + figures(gate.figures());
            };
            out.printf("    %-12s %-28s %s%n", gate.gate(), verdict, gate.required() ? "required" : "not required yet");
        }
        out.println("  reviews:");
        for (VersionView.ReviewEntry review : version.reviews()) {
            out.printf("    %-20s %-16s %-8s %s%s%n", review.role(), review.reviewer(), review.decision(), review.comment(),
                    review.counts() ? "" : "  (older evidence: no longer counts)");
        }
        if (!version.awaitingApproval().isEmpty()) {
            out.printf("    awaiting approval by %s%n", version.awaitingApproval());
        }
        version.tests().forEach(test -> out.printf("  test:       %s %s — %s (%s)%n", test.test(), test.passed() ? "passed" : "FAILED",
                test.detail(), test.recordedBy()));
        version.findings().forEach(finding -> out.printf("  finding:    %s%s%n", finding.text(),
                finding.gate().map(g -> " [gate " + g + "]").orElse("")));
        out.printf("  next:       %s%n", version.allowedActions());
    }

    /** A gate's figures, per-segment and per-input ones counted rather than listed (--json has them all). */
    private static String figures(java.util.Map<String, Double> figures) {
        if (figures.isEmpty()) {
            return "";
        }
        java.util.Map<String, String> shown = new java.util.TreeMap<>();
        int detailed = 0;
        for (var figure : figures.entrySet()) {
            String name = figure.getKey();
            if (name.startsWith("segment.") || name.startsWith("psi.") && !name.equals("psi.score") || name.startsWith("rows.")
                    || name.startsWith("selection_rate.")) {
                detailed++;
            } else {
                shown.put(name, String.format(java.util.Locale.ROOT, "%.4g", figure.getValue()));
            }
        }
        return " " + shown + (detailed == 0 ? "" : " and " + detailed + " per segment or input (--json)");
    }
}
