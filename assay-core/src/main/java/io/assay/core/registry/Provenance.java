package io.assay.core.registry;

import io.assay.core.common.Names;

import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * How a version was made, enough to make it again: the run, the data snapshots (id to content
 * hash), the parameters, the seed and the library versions.
 */
public record Provenance(String runId, Map<String, String> snapshotHashes, Map<String, String> parameters, long seed,
                         Map<String, String> libraryVersions) {
    public Provenance {
        runId = Names.requireText("run id", runId, 128);
        snapshotHashes = sorted(requireNonNull(snapshotHashes, "snapshotHashes is null"));
        snapshotHashes.forEach((snapshot, hash) -> {
            Names.requireText("snapshot id", snapshot, 200);
            RegistryNames.requireSha256("hash of snapshot " + snapshot, hash);
        });
        parameters = sorted(requireNonNull(parameters, "parameters is null"));
        parameters.forEach((name, value) -> {
            RegistryNames.requireIdentifier("parameter name", name);
            Names.requireText("parameter " + name, value, 500);
        });
        libraryVersions = sorted(requireNonNull(libraryVersions, "libraryVersions is null"));
        libraryVersions.forEach((library, version) -> {
            Names.requireText("library name", library, 200);
            Names.requireText("version of " + library, version, 100);
        });
    }

    /** Sorted and unmodifiable, so equal provenance hashes equally. */
    private static Map<String, String> sorted(Map<String, String> map) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
