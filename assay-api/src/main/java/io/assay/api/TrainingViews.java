package io.assay.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Training runs, gate runs and reproductions as clients see them. */
public final class TrainingViews {
    private TrainingViews() {}

    /**
     * A training run: SUCCEEDED with its model, figures (validation and out-of-time test, per
     * segment too), importance and provenance; or FAILED with why (and nothing else).
     */
    public record RunView(String id, String useCase, String status, String failure, String algorithm, String trainsetId,
                          Map<String, String> parameters, String trainedBy, Instant startedAt, Instant finishedAt, String modelFormat,
                          String modelSha256, Integer bestRound, Integer roundsTrained, String curveMetric, List<Double> curve,
                          Map<String, MetricsView> metrics, Map<String, Map<String, Map<String, MetricsView>>> segments,
                          Map<String, Double> importance, ProvenanceView provenance, String readId) {
    }

    /** A split's or segment's figures by name; {@code calibration} by decile for a whole split; a {@code note} when figures are undefined. */
    public record MetricsView(Map<String, Double> figures, List<DecileView> calibration, String note) {
    }

    public record DecileView(long rows, long positives, double meanPredicted, double observedRate) {
    }

    public record ProvenanceView(String runId, String algorithm, String trainsetId, String trainsetSha256, String labelSqlSha256,
                                 String labelInputsSha256, List<String> featureBuilds, List<String> asOfs, String population,
                                 Map<String, String> snapshots, Map<String, String> parameters, long seed, int nthread,
                                 Map<String, String> libraries) {
    }

    /** One platform gate as it ran: its verdict, the sentence naming the figure, bound and segment that decided it, its figures. */
    public record GateView(String gate, boolean passed, String detail, Map<String, Double> figures) {
    }

    /** The gates run on a version, and where the version stands after them. */
    public record GatesView(String useCase, int version, String stage, String stageReason, List<GateView> gates) {
    }

    /** {@code verdict}: IDENTICAL, or DIFFERENT with the differences, the first the one that explains it. */
    public record ReproduceView(String useCase, int version, String verdict, String registeredModelSha256, String reproducedModelSha256,
                                String registeredTrainset, String rebuiltTrainset, List<String> differences) {
    }
}
