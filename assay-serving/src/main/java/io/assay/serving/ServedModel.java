package io.assay.serving;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.scoring.Scorer;
import io.assay.scoring.bundle.BundleFiles;
import io.assay.scoring.bundle.BundleSignature;
import io.assay.scoring.bundle.ModelBundle;
import io.assay.scoring.bundle.ModelScorers;

import static java.util.Objects.requireNonNull;

/**
 * One version as the data plane serves it: its bundle read back from the bytes the registry
 * approved (every part checked against its hash), compiled, and warmed before it takes traffic.
 *
 * @param artifactSha256 the SHA-256 of the bundle file, which the routing and the approvals name
 */
public record ServedModel(String useCase, int version, String artifactSha256, ModelBundle bundle, Scorer scorer,
                          java.util.Optional<io.assay.scoring.Explainer> explainer, io.assay.scoring.reasons.ReasonCatalogue catalogue) {
    /** Rows scored before traffic: enough for the JIT to compile the scoring path, few enough to load in milliseconds. */
    static final int WARM_UP_ROWS = 2_000;

    public ServedModel {
        requireNonNull(useCase, "useCase is null");
        requireNonNull(artifactSha256, "artifactSha256 is null");
        requireNonNull(bundle, "bundle is null");
        requireNonNull(scorer, "scorer is null");
        requireNonNull(explainer, "explainer is null");
        requireNonNull(catalogue, "catalogue is null");
    }

    /**
     * Reads, checks, compiles and warms a bundle.
     *
     * @throws AssayException STORAGE_FAILURE when the bytes are not the approved ones or not a bundle of this use case,
     *                        or the model gives a non-finite score while warming
     */
    public static ServedModel load(String useCase, int version, String artifactSha256, byte[] bytes) {
        String label = useCase + " v" + version;
        String actual = ModelBundle.sha256(bytes);
        if (!actual.equals(artifactSha256)) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "the bundle of " + label + " has SHA-256 " + actual
                    + ", not the approved " + artifactSha256 + "; it is not served");
        }
        ModelBundle bundle;
        Scorer scorer;
        try {
            bundle = BundleFiles.read(bytes);
            scorer = ModelScorers.compile(bundle);
        } catch (AssayException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "the bundle of " + label + " cannot be served: " + e.getMessage());
        }
        if (!bundle.useCase().equals(useCase)) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "the bundle routed as " + label + " is a model of " + bundle.useCase());
        }
        // A model trained elsewhere without node covers still serves; it answers without reasons.
        java.util.Optional<io.assay.scoring.Explainer> explainer;
        try {
            explainer = java.util.Optional.of(io.assay.scoring.explain.Explainers.of(scorer));
        } catch (AssayException e) {
            explainer = java.util.Optional.empty();
        }
        // The generic catalogue until use cases declare their own words.
        ServedModel model = new ServedModel(useCase, version, artifactSha256, bundle, scorer, explainer,
                io.assay.scoring.reasons.ReasonCatalogue.fallback(useCase, bundle.signature().names()));
        model.warm();
        return model;
    }

    public BundleSignature signature() {
        return bundle.signature();
    }

    public String label() {
        return useCase + " v" + version;
    }

    /**
     * The row's top {@code k} reasons (0: none; {@link io.assay.scoring.reasons.TopReasons#ALL}: all), none when the model
     * cannot be explained.
     */
    public java.util.List<io.assay.scoring.reasons.Reason> reasons(FeatureRow features, int k) {
        if (k == 0 || explainer.isEmpty()) {
            return java.util.List.of();
        }
        double[] contributions = new double[scorer.featureCount() + 1];
        explainer.get().contributions(features.row(), contributions);
        return io.assay.scoring.reasons.TopReasons.of(contributions, bundle.signature().names(), features.row(), catalogue, k);
    }

    /** The probability of one checked row. */
    public double score(FeatureRow features) {
        return Scorer.probability(scorer.margin(features.row()));
    }

    /**
     * Scores rows spread over each input's training range, missing values among them: the JIT
     * compiles the path before a customer waits on it, and a model that gives a non-finite score
     * on its own training range is refused before it serves anyone.
     */
    private void warm() {
        BundleSignature signature = bundle.signature();
        int n = signature.inputs().size();
        float[] row = new float[n];
        for (int i = 0; i < WARM_UP_ROWS; i++) {
            for (int j = 0; j < n; j++) {
                BundleSignature.Input input = signature.inputs().get(j);
                boolean missing = input.min() == null || input.max() == null || (input.nullable() && (i + j) % 17 == 0);
                row[j] = missing ? Float.NaN : (float) (input.min() + (input.max() - input.min()) * (((i * 31 + j * 7) % 101) / 100.0));
            }
            float margin = scorer.margin(row);
            if (!Float.isFinite(margin)) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, label() + " gives a non-finite score on its own training range "
                        + "while warming up; it is not served");
            }
        }
    }
}
