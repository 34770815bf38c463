package io.assay.data.features;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A published feature build, as its {@code manifest.json} describes it: one row per entity of a
 * feature view as of one day, and the lineage to rebuild it (the view's version and SQL hash, the
 * input snapshots and their content hashes).
 */
public record FeatureBuild(
        @JsonProperty("build_format") int format,
        @JsonProperty("build_id") String id,
        @JsonProperty("view") String view,
        @JsonProperty("view_version") int viewVersion,
        @JsonProperty("sql_sha256") String sqlSha256,
        @JsonProperty("entity") String entity,
        @JsonProperty("as_of") LocalDate asOf,
        @JsonProperty("rows") long rows,
        @JsonProperty("content_sha256") String contentSha256,
        @JsonProperty("columns") List<ColumnProfile> columns,
        @JsonProperty("warnings") List<String> warnings,
        @JsonProperty("inputs") List<Input> inputs,
        @JsonProperty("read_id") String readId,
        @JsonProperty("built_by") String builtBy,
        @JsonProperty("built_at") Instant builtAt,
        @JsonProperty("engine") String engine) {

    public static final int FORMAT = 1;

    public FeatureBuild {
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
        inputs = List.copyOf(inputs);
    }

    /** An input snapshot of the build. */
    public record Input(
            @JsonProperty("table") String table,
            @JsonProperty("business_date") LocalDate businessDate,
            @JsonProperty("snapshot_id") String snapshotId,
            @JsonProperty("content_sha256") String contentSha256) {
    }
}
