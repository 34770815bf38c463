package io.assay.core.stats;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinaryMetricsPropertiesTest {
    private static final double TOLERANCE = 1e-12;

    /** Probabilities with both classes; half the samples on a coarse grid, so full of ties. */
    record Sample(double[] scores, boolean[] labels) {
        @Override
        public String toString() {
            return "scores " + Arrays.toString(scores) + ", labels " + Arrays.toString(labels);
        }
    }

    @Provide
    Arbitrary<Sample> samples() {
        Arbitrary<Double> probability = Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 1).ofScale(1),
                Arbitraries.doubles().between(0, 1));
        return Arbitraries.integers().between(2, 200).flatMap(n -> probability.list().ofSize(n).flatMap(scores ->
                Arbitraries.of(true, false).list().ofSize(n).map(labels -> {
                    boolean[] flags = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        flags[i] = labels.get(i);
                    }
                    // Both classes present, so every metric is defined.
                    flags[0] = true;
                    flags[1] = false;
                    return new Sample(scores.stream().mapToDouble(Double::doubleValue).toArray(), flags);
                })));
    }

    @Property(tries = 300)
    void auc_of_a_reversed_score_is_one_minus_auc(@ForAll("samples") Sample sample) {
        double[] reversed = Arrays.stream(sample.scores()).map(score -> -score).toArray();

        assertThat(BinaryMetrics.auc(reversed, sample.labels()))
                .isCloseTo(1 - BinaryMetrics.auc(sample.scores(), sample.labels()), within(TOLERANCE));
    }

    @Property(tries = 300)
    void auc_is_invariant_to_a_strictly_increasing_transform_of_the_scores(@ForAll("samples") Sample sample) {
        double[] transformed = Arrays.stream(sample.scores()).map(score -> Math.exp(5 * score) - 3).toArray();
        // Rounding could merge two nearly equal scores into one; then the transform was not strict.
        Assume.that(Arrays.stream(sample.scores()).distinct().count() == Arrays.stream(transformed).distinct().count());

        assertThat(BinaryMetrics.auc(transformed, sample.labels())).isEqualTo(BinaryMetrics.auc(sample.scores(), sample.labels()));
        assertThat(BinaryMetrics.ks(transformed, sample.labels())).isEqualTo(BinaryMetrics.ks(sample.scores(), sample.labels()));
    }

    /** The definition itself: over all positive–negative pairs, a win counts 1 and a tie 1/2. */
    @Property(tries = 300)
    void auc_is_the_share_of_positive_negative_pairs_ranked_right(@ForAll("samples") Sample sample) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < sample.scores().length; i++) {
            for (int j = 0; j < sample.scores().length; j++) {
                if (sample.labels()[i] && !sample.labels()[j]) {
                    pairs++;
                    wins += Double.compare(sample.scores()[i], sample.scores()[j]) > 0 ? 1
                            : sample.scores()[i] == sample.scores()[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(BinaryMetrics.auc(sample.scores(), sample.labels())).isCloseTo(wins / pairs, within(TOLERANCE));
    }

    /** The definition itself: the largest |TPR − FPR| over cut-offs "score > t", t every score and below all. */
    @Property(tries = 300)
    void ks_is_the_largest_gap_between_true_and_false_positive_rates(@ForAll("samples") Sample sample) {
        double[] cuts = Arrays.copyOf(sample.scores(), sample.scores().length + 1);
        cuts[cuts.length - 1] = Double.NEGATIVE_INFINITY;
        double largest = 0;
        for (double cut : cuts) {
            double positives = 0, negatives = 0, truePositives = 0, falsePositives = 0;
            for (int i = 0; i < sample.scores().length; i++) {
                boolean above = sample.scores()[i] > cut;
                if (sample.labels()[i]) {
                    positives++;
                    truePositives += above ? 1 : 0;
                } else {
                    negatives++;
                    falsePositives += above ? 1 : 0;
                }
            }
            largest = Math.max(largest, Math.abs(truePositives / positives - falsePositives / negatives));
        }
        assertThat(BinaryMetrics.ks(sample.scores(), sample.labels())).isCloseTo(largest, within(TOLERANCE));
    }

    @Property(tries = 300)
    void ks_brier_and_auc_stay_within_their_ranges(@ForAll("samples") Sample sample) {
        assertThat(BinaryMetrics.ks(sample.scores(), sample.labels())).isBetween(0.0, 1.0);
        assertThat(BinaryMetrics.brier(sample.scores(), sample.labels())).isBetween(0.0, 1.0);
        assertThat(BinaryMetrics.auc(sample.scores(), sample.labels())).isBetween(0.0, 1.0);
        assertThat(BinaryMetrics.logLoss(sample.scores(), sample.labels())).isBetween(0.0, -Math.log(BinaryMetrics.LOG_LOSS_EPSILON));
    }

    @Property(tries = 300)
    void capture_at_one_hundred_percent_is_one_and_lift_is_one(@ForAll("samples") Sample sample) {
        TopFraction all = TopFraction.of(sample.scores(), sample.labels(), 1.0);

        assertThat(all.rows()).isEqualTo(sample.scores().length);
        assertThat(all.capture()).isEqualTo(1.0);
        assertThat(all.lift()).isCloseTo(1.0, within(TOLERANCE));
    }

    @Property(tries = 200)
    void every_figure_is_the_same_whatever_the_order_of_the_rows(@ForAll("samples") Sample sample) {
        int n = sample.scores().length;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = sample.scores()[n - 1 - i];
            labels[i] = sample.labels()[n - 1 - i];
        }
        BinaryEvaluation forwards = BinaryEvaluation.of(sample.scores(), sample.labels());
        BinaryEvaluation backwards = BinaryEvaluation.of(scores, labels);

        assertThat(backwards.auc()).isEqualTo(forwards.auc());
        assertThat(backwards.ks()).isEqualTo(forwards.ks());
        assertThat(backwards.lift10()).isEqualTo(forwards.lift10());
        assertThat(backwards.capture10()).isEqualTo(forwards.capture10());
        assertThat(backwards.calibration()).isEqualTo(forwards.calibration());
        assertThat(backwards.brier()).isCloseTo(forwards.brier(), within(TOLERANCE));
    }

    @Property(tries = 200)
    void calibration_bins_hold_every_row_in_at_most_ten_ascending_groups(@ForAll("samples") Sample sample) {
        var table = Calibration.byDecile(sample.scores(), sample.labels());

        assertThat(table).hasSizeLessThanOrEqualTo(10);
        assertThat(table.stream().mapToLong(CalibrationBin::rows).sum()).isEqualTo(sample.scores().length);
        for (int i = 1; i < table.size(); i++) {
            assertThat(table.get(i).lowest()).as("ties never split").isGreaterThan(table.get(i - 1).highest());
        }
    }
}
