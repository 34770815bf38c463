package io.assay.data.features;

import static java.util.Objects.requireNonNull;

/**
 * What a build returns: the build, and whether this call published it. False means the same
 * content had been published before, and nothing changed.
 */
public record Published<T>(T value, boolean published) {
    public Published {
        requireNonNull(value, "value is null");
    }
}
