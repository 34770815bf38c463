package io.assay.scoring.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * How the model was made, captured when it was trained: enough to make it again. For a model
 * trained elsewhere the run and training set are empty and the libraries say what is known.
 */
public record BundleProvenance(
        @JsonProperty("run_id") String runId,
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("trainset_id") String trainsetId,
        @JsonProperty("trainset_sha256") String trainsetSha256,
        @JsonProperty("label_sql_sha256") String labelSqlSha256,
        @JsonProperty("label_inputs_sha256") String labelInputsSha256,
        @JsonProperty("feature_builds") List<String> featureBuilds,
        @JsonProperty("as_ofs") List<String> asOfs,
        @JsonProperty("population") String population,
        @JsonProperty("snapshots") Map<String, String> snapshots,
        @JsonProperty("parameters") Map<String, String> parameters,
        @JsonProperty("seed") long seed,
        @JsonProperty("nthread") int nthread,
        @JsonProperty("libraries") Map<String, String> libraries) {
    public BundleProvenance {
        requireNonNull(runId, "runId is null");
        requireNonNull(algorithm, "algorithm is null");
        requireNonNull(trainsetId, "trainsetId is null");
        requireNonNull(trainsetSha256, "trainsetSha256 is null");
        requireNonNull(labelSqlSha256, "labelSqlSha256 is null");
        requireNonNull(labelInputsSha256, "labelInputsSha256 is null");
        featureBuilds = List.copyOf(requireNonNull(featureBuilds, "featureBuilds is null"));
        asOfs = List.copyOf(requireNonNull(asOfs, "asOfs is null"));
        requireNonNull(population, "population is null");
        snapshots = new TreeMap<>(requireNonNull(snapshots, "snapshots is null"));
        parameters = new TreeMap<>(requireNonNull(parameters, "parameters is null"));
        libraries = new TreeMap<>(requireNonNull(libraries, "libraries is null"));
    }
}
