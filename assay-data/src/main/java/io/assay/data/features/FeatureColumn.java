package io.assay.data.features;

import io.assay.core.common.Names;

import static java.util.Objects.requireNonNull;

/** One declared output column of a feature view (or the label of a use case). */
public record FeatureColumn(String name, FeatureType type, String description, String owner, boolean nullable, FeatureRole role) {
    public FeatureColumn {
        Names.requireText("column name", name, 63);
        requireNonNull(type, "type is null");
        Names.requireText("description of " + name, description, 500);
        Names.requireText("owner of " + name, owner, 128);
        requireNonNull(role, "role is null");
    }
}
