package io.assay.data.features;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The serving feature table of a use case: one row per entity with every feature its views
 * declare, as of one day, built by the same SQL as its training sets. Online scoring reads the
 * one {@code current.json} points at.
 */
public record ServingTable(
        @JsonProperty("serving_format") int format,
        @JsonProperty("serving_id") String id,
        @JsonProperty("use_case") String useCase,
        @JsonProperty("as_of") LocalDate asOf,
        @JsonProperty("entity") String entity,
        @JsonProperty("feature_builds") List<String> featureBuilds,
        @JsonProperty("columns") List<String> columns,
        @JsonProperty("rows") long rows,
        @JsonProperty("content_sha256") String contentSha256,
        @JsonProperty("built_by") String builtBy,
        @JsonProperty("built_at") Instant builtAt) {

    public static final int FORMAT = 1;

    public ServingTable {
        featureBuilds = List.copyOf(featureBuilds);
        columns = List.copyOf(columns);
    }
}
