package io.assay.core.registry;

import static io.assay.core.registry.RegistryNames.requireSha256;

/** A model artifact in the content-addressed artifact store. */
public record ArtifactRef(String sha256, long sizeBytes, String format) {
    public ArtifactRef {
        requireSha256("artifact hash", sha256);
        if (sizeBytes <= 0) {
            throw io.assay.core.error.AssayException.invalid("artifact size " + sizeBytes + " is not positive");
        }
        RegistryNames.requireIdentifier("artifact format", format);
    }
}
