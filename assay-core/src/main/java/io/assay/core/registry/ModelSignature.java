package io.assay.core.registry;

import io.assay.core.error.AssayException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** What a model takes and gives: the scoring contract business applications rely on. */
public record ModelSignature(List<FeatureSpec> features, String output) {
    public ModelSignature {
        features = List.copyOf(requireNonNull(features, "features is null"));
        if (features.isEmpty()) {
            throw AssayException.invalid("a model signature needs at least one feature");
        }
        Set<String> names = new HashSet<>();
        for (FeatureSpec feature : features) {
            if (!names.add(feature.name())) {
                throw AssayException.invalid("the signature names feature " + feature.name() + " twice");
            }
        }
        RegistryNames.requireIdentifier("signature output", output);
    }
}
