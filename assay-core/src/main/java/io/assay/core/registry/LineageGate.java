package io.assay.core.registry;

import io.assay.core.data.DataCatalog;
import io.assay.core.data.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The gate that a version's data is what its provenance says: every snapshot it names exists in
 * the data environment with the recorded content hash. Without it no version can be reproduced,
 * so it runs before any other.
 */
public final class LineageGate {
    public static final String NAME = "lineage";
    public static final String ENGINE = "assay-lineage 1";

    private final DataCatalog catalog;

    public LineageGate(DataCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public record Outcome(boolean passed, Map<String, Double> figures, List<String> problems) {
    }

    public Outcome evaluate(Provenance provenance) {
        List<String> problems = new ArrayList<>();
        provenance.snapshotHashes().forEach((id, hash) -> {
            Optional<Snapshot> snapshot = catalog.findSnapshot(id);
            if (snapshot.isEmpty()) {
                problems.add("snapshot " + id + " is not in the data environment");
            } else if (!snapshot.get().contentSha256().equals(hash)) {
                problems.add("snapshot " + id + " has content " + snapshot.get().contentSha256() + ", not the recorded " + hash);
            }
        });
        boolean passed = problems.isEmpty() && !provenance.snapshotHashes().isEmpty();
        if (provenance.snapshotHashes().isEmpty()) {
            problems.add("the provenance names no snapshots");
        }
        return new Outcome(passed, Map.of("snapshots_checked", (double) provenance.snapshotHashes().size(),
                "snapshots_mismatched", (double) problems.size()), List.copyOf(problems));
    }
}
