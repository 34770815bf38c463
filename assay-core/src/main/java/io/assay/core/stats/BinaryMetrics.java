package io.assay.core.stats;

/**
 * The figures that judge a binary classifier, each from one array of scores and one of labels
 * ({@code true} = positive, the event the model predicts) of the same length.
 *
 * <p>Every method refuses arrays of different lengths, empty arrays and non-finite scores.
 * The rank statistics (AUC, Gini, KS) take any finite scores; the others take probabilities in
 * [0, 1].
 */
public final class BinaryMetrics {
    /**
     * Log loss clips each probability to [{@value}, 1 − {@value}] so that a confident mistake
     * costs a large, finite amount rather than infinity. This is scikit-learn's long-standing
     * {@code log_loss(eps=1e-15)}; since 1.2 scikit-learn clips at machine epsilon by default.
     */
    public static final double LOG_LOSS_EPSILON = 1e-15;

    private BinaryMetrics() {}

    /**
     * The area under the ROC curve: the probability that a random positive row scores higher
     * than a random negative one, a tie counting one half (the Mann–Whitney U statistic with
     * mid-ranks, divided by positives × negatives). Same as
     * {@code sklearn.metrics.roc_auc_score}. Refuses labels of a single class, for which it is
     * undefined.
     */
    public static double auc(double[] scores, boolean[] labels) {
        Inputs.requireScored(scores, labels);
        return auc(Ties.ofBothClasses(scores, labels, "AUC"));
    }

    static double auc(Ties ties) {
        // Twice U, counted in integers so that the one rounding is the final division.
        long twiceU = 0;
        long negativesBelow = 0;
        for (int i = 0; i < ties.size(); i++) {
            twiceU += ties.positives[i] * (2 * negativesBelow + ties.negatives[i]);
            negativesBelow += ties.negatives[i];
        }
        return twiceU / (2.0 * ties.positiveTotal * (double) ties.negativeTotal);
    }

    /** The Gini coefficient (accuracy ratio), 2 · AUC − 1; refuses what {@link #auc} refuses. */
    public static double gini(double[] scores, boolean[] labels) {
        return 2 * auc(scores, labels) - 1;
    }

    /**
     * The Kolmogorov–Smirnov statistic: the largest gap, over all cut-offs, between the share
     * of positives and the share of negatives scoring at or below it — equal to the largest
     * |TPR − FPR|. Cut-offs are taken only between distinct score values, so a tie is never
     * split; this is {@code scipy.stats.ks_2samp(positive_scores, negative_scores).statistic}.
     * Refuses labels of a single class.
     */
    public static double ks(double[] scores, boolean[] labels) {
        Inputs.requireScored(scores, labels);
        return ks(Ties.ofBothClasses(scores, labels, "KS"));
    }

    static double ks(Ties ties) {
        double largest = 0;
        long positivesAtOrBelow = 0;
        long negativesAtOrBelow = 0;
        for (int i = 0; i < ties.size(); i++) {
            positivesAtOrBelow += ties.positives[i];
            negativesAtOrBelow += ties.negatives[i];
            double gap = (double) positivesAtOrBelow / ties.positiveTotal - (double) negativesAtOrBelow / ties.negativeTotal;
            largest = Math.max(largest, Math.abs(gap));
        }
        return largest;
    }

    /**
     * The Brier score, the mean squared difference between the probability and the outcome
     * (1 for a positive, 0 for a negative); 0 is perfect. Same as
     * {@code sklearn.metrics.brier_score_loss}. Takes probabilities in [0, 1].
     */
    public static double brier(double[] probabilities, boolean[] labels) {
        Inputs.requireProbabilities(probabilities, labels);
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double error = probabilities[i] - (labels[i] ? 1 : 0);
            sum += error * error;
        }
        return sum / probabilities.length;
    }

    /**
     * The mean negative log-likelihood of the labels (natural logarithm), each probability
     * first clipped to [{@link #LOG_LOSS_EPSILON}, 1 − {@link #LOG_LOSS_EPSILON}]. Same as
     * {@code sklearn.metrics.log_loss(labels, probabilities, eps=1e-15)}. Takes probabilities
     * in [0, 1].
     */
    public static double logLoss(double[] probabilities, boolean[] labels) {
        Inputs.requireProbabilities(probabilities, labels);
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double clipped = Math.min(Math.max(probabilities[i], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
            sum -= labels[i] ? Math.log(clipped) : Math.log(1 - clipped);
        }
        return sum / probabilities.length;
    }
}
