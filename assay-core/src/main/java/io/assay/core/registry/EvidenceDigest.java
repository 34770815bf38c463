package io.assay.core.registry;

import io.assay.core.common.CanonicalHash;

import java.util.Map;

/**
 * The one hash a reviewer signs: artifact, signature, snapshot hashes, metric spec and every gate
 * result. Any new evidence changes it, so an approval can only count for what the reviewer saw.
 */
public final class EvidenceDigest {
    private static final String FORMAT = "assay-evidence/1";

    private EvidenceDigest() {}

    public static String of(ModelVersion version) {
        CanonicalHash hash = CanonicalHash.of(FORMAT)
                .add(version.useCase()).add(version.number())
                .add(version.artifact().sha256()).add(version.artifact().sizeBytes()).add(version.artifact().format());
        hash.add(version.signature().output()).add(version.signature().features().size());
        for (FeatureSpec feature : version.signature().features()) {
            hash.add(feature.name()).add(feature.type().name())
                    .add(feature.min().map(String::valueOf).orElse("-")).add(feature.max().map(String::valueOf).orElse("-"))
                    .add(String.join("\u0001", feature.categories()));
        }
        addMap(hash, version.provenance().snapshotHashes());
        hash.add(version.metricSpec().thresholds().size());
        for (MetricThreshold threshold : version.metricSpec().thresholds()) {
            hash.add(threshold.metric()).add(threshold.comparison().name()).add(threshold.threshold());
        }
        GateBounds bounds = version.metricSpec().bounds();
        if (!bounds.isNone()) {
            // Only specs with gate bounds hash them, so every digest signed before bounds existed still holds.
            hash.add("bounds").add(bounds.toString());
        }
        hash.add(version.evidence().size());
        for (GateResult result : version.evidence()) {
            hash.add(result.gate()).add(result.passed()).add(result.engineVersion()).add(result.recordedBy())
                    .add(result.recordedAt().toString());
            addMap(hash, result.figures());
        }
        return hash.hex();
    }

    private static void addMap(CanonicalHash hash, Map<String, ?> map) {
        hash.add(map.size());
        map.forEach((key, value) -> hash.add(key).add(String.valueOf(value)));
    }
}
