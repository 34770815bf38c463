package io.assay.core.data;

import static io.assay.core.common.Names.requireText;
import static java.util.Objects.requireNonNull;

/** One column of a published snapshot, as stored (after pseudonymisation). */
public record SnapshotColumn(String name, String type, PrivacyClass privacy, boolean nullable) {
    public SnapshotColumn {
        requireText("column name", name, 128);
        requireText("column type", type, 64);
        requireNonNull(privacy, "privacy is null");
    }
}
