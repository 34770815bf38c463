package io.assay.data.features;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a built column holds, for the build report and later for drift baselines: its nulls,
 * distinct values (approximate: HyperLogLog), and range when numeric.
 */
public record ColumnProfile(
        @JsonProperty("name") String name,
        @JsonProperty("type") FeatureType type,
        @JsonProperty("role") FeatureRole role,
        @JsonProperty("nullable") boolean nullable,
        @JsonProperty("description") String description,
        @JsonProperty("nulls") long nulls,
        @JsonProperty("distinct") long distinct,
        @JsonProperty("min") Double min,
        @JsonProperty("max") Double max) {
}
