package io.assay.data.features;

import io.assay.data.Sha256;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A feature view: SQL over as-of views of the snapshot tables, with an {@code :as_of} parameter,
 * and the declaration its output is held to. One definition feeds training, batch scoring and
 * the serving feature table, so they cannot drift apart.
 *
 * @param entity the key column of the output, one row per entity
 * @param source where it was loaded from (the jar, or a folder of the home), for messages
 */
public record FeatureView(String name, int version, String entity, String description, String owner, String sql,
                          List<FeatureColumn> columns, String source) {
    public FeatureView {
        requireNonNull(name, "name is null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        requireNonNull(entity, "entity is null");
        requireNonNull(description, "description is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(sql, "sql is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(source, "source is null");
    }

    public List<FeatureColumn> features() {
        return columns.stream().filter(column -> column.role() == FeatureRole.FEATURE).toList();
    }

    public String sqlSha256() {
        return Sha256.of(sql);
    }
}
