package io.assay.scoring.xgboost;

import io.assay.scoring.Explainer;
import ml.dmlc.xgboost4j.java.Booster;

/**
 * A rough one-off timing, run by hand (never by the build): a 300-tree depth-6 model's
 * contributions per row against its margin per row, and against XGBoost4J's predictContrib (one
 * thread, a fresh matrix of the same 10,000 rows), after a warm-up.
 */
final class ExplainTiming {
    private ExplainTiming() {}

    public static void main(String[] args) throws Exception {
        Booster booster = Training.train(SimulatedRows.generate(20_000, 20_260_101L), Training.params(6), 300);
        TreeEnsemble ensemble = XGBoostJson.read(booster.toByteArray("json"));
        SimulatedRows rows = SimulatedRows.generate(10_000, 4_242L);
        Explainer explainer = ensemble.explainer();
        double[] out = new double[rows.featureCount() + 1];
        float[][] each = new float[rows.rowCount()][];
        for (int r = 0; r < rows.rowCount(); r++) {
            each[r] = rows.row(r);
        }
        for (int round = 0; round < 5; round++) {
            double sink = 0;
            long start = System.nanoTime();
            for (float[] row : each) {
                explainer.contributions(row, out);
                sink += out[0];
            }
            long explained = System.nanoTime() - start;
            start = System.nanoTime();
            for (float[] row : each) {
                sink += ensemble.margin(row);
            }
            long scored = System.nanoTime() - start;
            start = System.nanoTime();
            TreeShapEqualityTest.contributions(booster, rows);
            long xgboost = System.nanoTime() - start;
            System.out.printf("round %d: contributions %.1f us/row, margin %.2f us/row (%.0fx); XGBoost4J predictContrib %.1f us/row%s%n",
                    round, explained / 1e3 / each.length, scored / 1e3 / each.length, (double) explained / scored,
                    xgboost / 1e3 / each.length, sink == 0 ? " " : "");
        }
    }
}
