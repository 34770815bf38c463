package io.assay.train.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.assay.scoring.bundle.BundleProvenance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A training run as its {@code run.json} records it, written once and never changed: what was
 * trained on what, with which parameters, by whom; and either the model it made with its figures
 * (SUCCEEDED) or why it did not (FAILED). A failed run has no model, figures or provenance.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Run(
        @JsonProperty("run_format") int format,
        @JsonProperty("run_id") String id,
        @JsonProperty("use_case") String useCase,
        @JsonProperty("status") Status status,
        @JsonProperty("failure") String failure,
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("trainset_id") String trainsetId,
        @JsonProperty("parameters") Map<String, String> parameters,
        @JsonProperty("trained_by") String trainedBy,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("model_format") String modelFormat,
        @JsonProperty("model_sha256") String modelSha256,
        @JsonProperty("best_round") Integer bestRound,
        @JsonProperty("rounds_trained") Integer roundsTrained,
        @JsonProperty("curve_metric") String curveMetric,
        @JsonProperty("curve") List<Double> curve,
        @JsonProperty("metrics") Map<String, SplitMetrics> metrics,
        @JsonProperty("segments") Map<String, Map<String, Map<String, SplitMetrics>>> segments,
        @JsonProperty("importance") Map<String, Double> importance,
        @JsonProperty("provenance") BundleProvenance provenance,
        @JsonProperty("read_id") String readId) {

    public static final int FORMAT = 1;
    /** The splits a run is judged on: validation (early stopping watched it) and the out-of-time test. */
    public static final List<String> JUDGED = List.of("validation", "test");

    public enum Status {
        SUCCEEDED,
        FAILED
    }

    public Run {
        requireNonNull(id, "id is null");
        requireNonNull(useCase, "useCase is null");
        requireNonNull(status, "status is null");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    /** A split's (or a segment's) figures by stable name, and for a whole split its calibration by decile. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SplitMetrics(@JsonProperty("figures") Map<String, Double> figures, @JsonProperty("calibration") List<Decile> calibration,
                               @JsonProperty("note") String note) {
        public SplitMetrics {
            figures = Map.copyOf(requireNonNull(figures, "figures is null"));
            calibration = calibration == null ? null : List.copyOf(calibration);
        }

        public Double figure(String name) {
            return figures.get(name);
        }
    }

    public record Decile(@JsonProperty("rows") long rows, @JsonProperty("positives") long positives,
                         @JsonProperty("mean_predicted") double meanPredicted, @JsonProperty("observed_rate") double observedRate) {
    }
}
