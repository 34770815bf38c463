package io.assay.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Feature views, labels, builds, training sets and serving tables as clients see them. */
public final class FeatureViews {
    private FeatureViews() {}

    /** A feature view's declaration and its SQL. */
    public record ViewView(String name, int version, String entity, String description, String owner, String source, String sqlSha256,
                           List<ColumnView> columns, String sql) {
    }

    /** {@code role}: FEATURE (a model input) or ATTRIBUTE (carried beside, for fairness and segment checks). */
    public record ColumnView(String name, String type, String role, boolean nullable, String description, String owner) {
    }

    /** A use case's label: its horizon, the views its models read, and its population rules. */
    public record LabelView(String useCase, int version, String entity, String description, String owner, int horizonDays,
                            List<String> features, List<String> populationRules, String source) {
    }

    /** {@code published}: false when the same content had been published before (nothing changed). */
    public record BuildView(String id, String view, int viewVersion, String sqlSha256, String entity, LocalDate asOf, long rows,
                            String contentSha256, List<ProfileView> columns, List<String> warnings, List<InputView> inputs,
                            String readId, String builtBy, Instant builtAt, String engine, boolean published) {
    }

    public record ProfileView(String name, String type, String role, boolean nullable, long nulls, long distinct, Double min, Double max) {
    }

    public record InputView(String table, LocalDate businessDate, String snapshotId, String contentSha256) {
    }

    public record TrainingSetView(String id, String useCase, int labelVersion, String labelSqlSha256, int horizonDays, String population,
                                  String entity, List<String> features, List<String> attributes, List<String> featureBuilds,
                                  List<AsOfView> asOfs, Map<String, SplitView> splits, long rows, double labelRate,
                                  String contentSha256, String labelInputsSha256, List<String> warnings, String readId,
                                  String builtBy, Instant builtAt, String engine, boolean published) {
    }

    public record AsOfView(LocalDate asOf, String split, long population, Map<String, Long> excluded, long withoutLabel,
                           Map<String, Long> withoutFeatures, long rows, long positives, double labelRate) {
    }

    public record SplitView(long rows, long positives, double labelRate, List<LocalDate> asOfs) {
    }

    public record ServingTableView(String id, String useCase, LocalDate asOf, String entity, List<String> featureBuilds,
                                   List<String> columns, long rows, String contentSha256, String builtBy, Instant builtAt) {
    }
}
