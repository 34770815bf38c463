package io.assay.train;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What rebuilding a version from its lineage gave: IDENTICAL when the retrained model has the
 * registered model's SHA-256, else the differences found, first the one that explains it.
 */
public record ReproduceResult(String useCase, int version, boolean identical, String registeredModelSha256, String reproducedModelSha256,
                              String registeredTrainset, String rebuiltTrainset, List<String> differences) {
    public ReproduceResult {
        requireNonNull(useCase, "useCase is null");
        differences = List.copyOf(differences);
    }

    public String verdict() {
        return identical ? "IDENTICAL" : "DIFFERENT";
    }
}
