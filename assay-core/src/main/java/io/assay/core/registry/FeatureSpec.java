package io.assay.core.registry;

import io.assay.core.error.AssayException;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** One input of a model's signature: its type and the values it accepts. */
public record FeatureSpec(String name, Type type, Optional<Double> min, Optional<Double> max, List<String> categories) {
    public enum Type {
        NUMERIC,
        CATEGORICAL,
        BOOLEAN
    }

    public FeatureSpec {
        RegistryNames.requireIdentifier("feature name", name);
        requireNonNull(type, "type is null");
        requireNonNull(min, "min is null");
        requireNonNull(max, "max is null");
        categories = List.copyOf(requireNonNull(categories, "categories is null"));
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw AssayException.invalid("feature " + name + " has min " + min.get() + " above max " + max.get());
        }
        if (type == Type.CATEGORICAL && categories.isEmpty()) {
            throw AssayException.invalid("categorical feature " + name + " lists no categories");
        }
        if (type != Type.CATEGORICAL && !categories.isEmpty()) {
            throw AssayException.invalid("feature " + name + " is " + type + " but lists categories");
        }
    }
}
