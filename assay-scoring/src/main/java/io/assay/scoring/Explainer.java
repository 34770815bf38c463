package io.assay.scoring;

/**
 * Why a {@link Scorer} gave a row its margin: one additive contribution per feature, in margin
 * (log-odds) space, and a bias (the margin expected before any feature of the row is known), so
 * that the contributions plus the bias are the row's margin, up to float rounding. A positive
 * contribution raised the score, a negative one lowered it.
 *
 * <p>Get one with {@code Explainers.of(scorer)}. Implementations are immutable and thread-safe;
 * once a thread has explained its first row, explaining allocates nothing.
 */
public interface Explainer {
    /** How many features a row holds: the contributions are this many, then the bias. */
    int featureCount();

    /**
     * Writes the contribution of each of {@code row}'s features to {@code out[0..featureCount())}
     * and the bias to {@code out[featureCount()]}. A row is as {@link Scorer} takes it (float32,
     * {@link Float#NaN} for missing); {@code row.length} must be {@link #featureCount()} and
     * {@code out.length} {@code featureCount() + 1}.
     *
     * @throws io.assay.core.error.AssayException INVALID_ARGUMENT when a length is wrong
     */
    void contributions(float[] row, double[] out);
}
