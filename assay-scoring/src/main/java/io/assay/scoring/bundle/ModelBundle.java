package io.assay.scoring.bundle;

import io.assay.core.error.AssayException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * A model as the registry stores it and production scores it: one file holding a manifest
 * (format version, use case, model format, the SHA-256 of every part), the model itself, its
 * signature, its provenance, the reference profile drift checks compare with, and the metric spec
 * its data scientist wrote. {@link BundleFiles} writes and reads it.
 */
public record ModelBundle(String useCase, ModelFormat modelFormat, byte[] model, BundleSignature signature, BundleProvenance provenance,
                          ReferenceProfile reference, byte[] metricSpec) {
    /** The format written now; the golden bundle of every earlier format must keep loading. */
    public static final int FORMAT = 1;

    public ModelBundle {
        if (useCase == null || useCase.isBlank()) {
            throw AssayException.invalid("a bundle names no use case");
        }
        requireNonNull(modelFormat, "modelFormat is null");
        requireNonNull(model, "model is null");
        if (model.length == 0) {
            throw AssayException.invalid("a bundle's model part is empty");
        }
        requireNonNull(signature, "signature is null");
        requireNonNull(provenance, "provenance is null");
        requireNonNull(reference, "reference is null");
        requireNonNull(metricSpec, "metricSpec is null");
        model = model.clone();
        metricSpec = metricSpec.clone();
    }

    @Override
    public byte[] model() {
        return model.clone();
    }

    @Override
    public byte[] metricSpec() {
        return metricSpec.clone();
    }

    /** The SHA-256 of the model part: what reproduce compares, whatever else the bundle holds. */
    public String modelSha256() {
        return sha256(model);
    }

    public ModelBundle withMetricSpec(byte[] spec) {
        return new ModelBundle(useCase, modelFormat, model, signature, provenance, reference, spec);
    }

    /** The SHA-256 of bytes in lower-case hex: how a bundle names its parts and a run its model. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
