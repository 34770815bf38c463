package io.assay.api;

/** A stored model file, named by its content. */
public record ArtifactView(String sha256, long sizeBytes, String format) {
}
