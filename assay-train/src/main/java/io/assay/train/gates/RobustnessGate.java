package io.assay.train.gates;

import io.assay.core.registry.PlatformGates;
import io.assay.scoring.Scorer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model does with inputs production will send: every input missing, at its 1st and
 * 99th percentile (of the out-of-time rows) must still give a finite score; nudging one input by
 * 1 % of its 1st–99th percentile range must move the probability by no more than the bound on
 * average over the rows. The mean, not the largest change: a tree model steps at its splits, so
 * the rows sitting just below a split always jump, and a bound on them alone would refuse every
 * tree model; the 99th percentile and the largest change are reported beside it.
 */
final class RobustnessGate {
    private RobustnessGate() {}

    static GateOutcome run(double bound, Scorer scorer, List<String> names, float[] rows, int rowCount) {
        int n = names.size();
        int probe = Math.min(rowCount, GateRunner.ROBUSTNESS_ROWS);
        float[] sample = Arrays.copyOf(rows, probe * n);
        float[] base = new float[probe];
        scorer.margins(sample, probe, base);
        float[] probed = new float[probe * n];
        float[] margins = new float[probe];
        long nonFinite = 0;
        double worst = 0;
        double worstP99 = 0;
        double largest = 0;
        String worstInput = names.get(0);
        double[] changes = new double[probe];
        for (int j = 0; j < n; j++) {
            float[] range = percentiles(rows, rowCount, n, j);
            for (float value : new float[] {Float.NaN, range[0], range[1]}) {
                nonFinite += nonFinite(scorer, sample, probed, margins, probe, n, j, value);
            }
            float nudge = (range[1] - range[0]) * 0.01f;
            if (nudge > 0) {
                System.arraycopy(sample, 0, probed, 0, sample.length);
                for (int r = 0; r < probe; r++) {
                    if (!Float.isNaN(probed[r * n + j])) {
                        probed[r * n + j] += nudge;
                    }
                }
                scorer.margins(probed, probe, margins);
                double sum = 0;
                for (int r = 0; r < probe; r++) {
                    changes[r] = Math.abs(Scorer.probability(margins[r]) - Scorer.probability(base[r]));
                    largest = Math.max(largest, changes[r]);
                    sum += changes[r];
                }
                Arrays.sort(changes);
                worstP99 = Math.max(worstP99, changes[(int) Math.ceil(0.99 * (probe - 1))]);
                if (sum / probe > worst) {
                    worst = sum / probe;
                    worstInput = names.get(j);
                }
            }
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("rows_probed", (double) probe);
        figures.put("non_finite_scores", (double) nonFinite);
        figures.put("mean_score_change", worst);
        figures.put("p99_score_change", worstP99);
        figures.put("max_score_change", largest);
        figures.put("bound.max_score_change", bound);
        boolean passed = nonFinite == 0 && worst <= bound;
        String detail = (nonFinite == 0 ? "every score finite with each input missing or at its 1st/99th percentile"
                : nonFinite + " scores not finite with an input missing or at a percentile") + "; mean change " + GateRunner.round(worst)
                + " (nudging " + worstInput + " by 1 % of its range) " + (worst <= bound ? "within" : "above") + " the bound " + bound;
        return new GateOutcome(PlatformGates.ROBUSTNESS, passed, figures, detail);
    }

    private static long nonFinite(Scorer scorer, float[] sample, float[] probed, float[] margins, int probe, int n, int j, float value) {
        System.arraycopy(sample, 0, probed, 0, sample.length);
        for (int r = 0; r < probe; r++) {
            probed[r * n + j] = value;
        }
        scorer.margins(probed, probe, margins);
        long count = 0;
        for (int r = 0; r < probe; r++) {
            count += Float.isFinite(margins[r]) ? 0 : 1;
        }
        return count;
    }

    /** The 1st and 99th percentile of one input over the rows, missing values left out (0 and 0 when all are missing). */
    private static float[] percentiles(float[] rows, int rowCount, int n, int j) {
        float[] values = new float[rowCount];
        int count = 0;
        for (int r = 0; r < rowCount; r++) {
            float value = rows[r * n + j];
            if (!Float.isNaN(value)) {
                values[count++] = value;
            }
        }
        if (count == 0) {
            return new float[] {0, 0};
        }
        Arrays.sort(values, 0, count);
        return new float[] {values[(int) Math.floor(0.01 * (count - 1))], values[(int) Math.ceil(0.99 * (count - 1))]};
    }
}
