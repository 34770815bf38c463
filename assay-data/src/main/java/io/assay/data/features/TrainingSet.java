package io.assay.data.features;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A published training set, as its {@code manifest.json} describes it: features and labels of one
 * use case over several as-of dates, split by time (train, validation, and the latest as-of as the
 * out-of-time test, never shuffled across time), with what was left out and why.
 */
public record TrainingSet(
        @JsonProperty("trainset_format") int format,
        @JsonProperty("trainset_id") String id,
        @JsonProperty("use_case") String useCase,
        @JsonProperty("label_version") int labelVersion,
        @JsonProperty("label_sql_sha256") String labelSqlSha256,
        @JsonProperty("horizon_days") int horizonDays,
        @JsonProperty("population") String population,
        @JsonProperty("entity") String entity,
        @JsonProperty("features") List<String> features,
        @JsonProperty("attributes") List<String> attributes,
        @JsonProperty("feature_builds") List<String> featureBuilds,
        @JsonProperty("as_ofs") List<AsOf> asOfs,
        @JsonProperty("splits") Map<String, Split> splits,
        @JsonProperty("rows") long rows,
        @JsonProperty("label_rate") double labelRate,
        @JsonProperty("content_sha256") String contentSha256,
        @JsonProperty("label_inputs_sha256") String labelInputsSha256,
        @JsonProperty("warnings") List<String> warnings,
        @JsonProperty("read_id") String readId,
        @JsonProperty("built_by") String builtBy,
        @JsonProperty("built_at") Instant builtAt,
        @JsonProperty("engine") String engine) {

    public static final int FORMAT = 1;
    public static final List<String> SPLITS = List.of("train", "validation", "test");

    public TrainingSet {
        features = List.copyOf(features);
        attributes = List.copyOf(attributes);
        featureBuilds = List.copyOf(featureBuilds);
        asOfs = List.copyOf(asOfs);
        splits = Map.copyOf(splits);
        warnings = List.copyOf(warnings);
    }

    /**
     * One as-of date of the set: who was in its population, who was excluded and why, who had no
     * label or no row in a feature view, and what was kept.
     */
    public record AsOf(
            @JsonProperty("as_of") LocalDate asOf,
            @JsonProperty("split") String split,
            @JsonProperty("population") long population,
            @JsonProperty("excluded") Map<String, Long> excluded,
            @JsonProperty("without_label") long withoutLabel,
            @JsonProperty("without_features") Map<String, Long> withoutFeatures,
            @JsonProperty("rows") long rows,
            @JsonProperty("positives") long positives) {
        public double labelRate() {
            return rows == 0 ? 0 : (double) positives / rows;
        }
    }

    public record Split(@JsonProperty("rows") long rows, @JsonProperty("positives") long positives,
                        @JsonProperty("as_ofs") List<LocalDate> asOfs) {
        public double labelRate() {
            return rows == 0 ? 0 : (double) positives / rows;
        }
    }
}
