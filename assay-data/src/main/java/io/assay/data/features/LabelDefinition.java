package io.assay.data.features;

import io.assay.data.Sha256;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The label of a use case and who it is learned on: population SQL over the as-of views (who is
 * in, who is excluded and why: a {@code default} rule and any others the use case names) and a
 * label SQL over the window after it, {@code (:as_of, :horizon_end]}, whose end is {@code :as_of}
 * plus the horizon in days. A label exists only once its whole window has been ingested.
 *
 * @param features the feature views a model of this use case reads, joined on the entity
 */
public record LabelDefinition(String useCase, int version, String entity, String description, String owner, int horizonDays,
                              List<String> features, java.util.SortedMap<String, String> populations, String labelSql, String source) {
    public LabelDefinition {
        requireNonNull(useCase, "useCase is null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        requireNonNull(entity, "entity is null");
        requireNonNull(description, "description is null");
        requireNonNull(owner, "owner is null");
        if (horizonDays < 1 || horizonDays > 730) {
            throw new IllegalArgumentException("horizon_days must be 1..730, was " + horizonDays);
        }
        features = List.copyOf(requireNonNull(features, "features is null"));
        populations = java.util.Collections.unmodifiableSortedMap(
                new java.util.TreeMap<>(requireNonNull(populations, "populations is null")));
        if (!populations.containsKey(DEFAULT_POPULATION)) {
            throw new IllegalArgumentException("a label needs a default population rule");
        }
        requireNonNull(labelSql, "labelSql is null");
        requireNonNull(source, "source is null");
    }

    public static final String DEFAULT_POPULATION = "default";

    /** The hash of the label SQL with one population rule's SQL: what a training set's labels rest on. */
    public String sqlSha256(String population) {
        return Sha256.of(populations.get(population) + "\n-- label --\n" + labelSql);
    }
}
