package io.assay.scoring;

/**
 * A compiled model: turns feature rows into margins (log-odds), in pure Java. Evaluation, the
 * gates and serving all score through one of these, so the figures judged are the figures served.
 * Implementations are immutable and thread-safe.
 *
 * <p>A row is the model's features in signature order, as float32 ({@link Float#NaN} is missing).
 */
public interface Scorer {
    /** How many features a row holds. */
    int featureCount();

    /** The margin of one row; {@code row.length} must be {@link #featureCount()}. */
    float margin(float[] row);

    /**
     * The margins of {@code rowCount} rows laid out one after another in {@code rows} (row-major,
     * {@code featureCount()} values each), written to {@code out[0..rowCount)}. Allocates nothing.
     */
    void margins(float[] rows, int rowCount, float[] out);

    /** The probability of a margin: the logistic function, in double. */
    static double probability(float margin) {
        return 1.0 / (1.0 + Math.exp(-(double) margin));
    }
}
