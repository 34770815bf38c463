package io.assay.scoring.xgboost;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.Map;

/** Trains with XGBoost4J the way Assay's trainer does (hist, fixed seed, one thread: reproducible), and predicts margins. */
final class Training {
    private Training() {}

    static Map<String, Object> params(int maxDepth) {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("tree_method", "hist");
        params.put("max_depth", maxDepth);
        params.put("eta", 0.3);
        params.put("seed", 42);
        params.put("nthread", 1);
        params.put("verbosity", 0);
        return params;
    }

    static Booster train(SimulatedRows rows, Map<String, Object> params, int rounds) throws XGBoostError {
        DMatrix train = matrix(rows);
        try {
            train.setLabel(rows.labels());
            return XGBoost.train(train, params, rounds, new HashMap<>(), null, null);
        } finally {
            train.dispose();
        }
    }

    /** XGBoost's margins for every row, from a fresh DMatrix (predict caches its result per matrix). */
    static float[] margins(Booster booster, SimulatedRows rows) throws XGBoostError {
        DMatrix matrix = matrix(rows);
        try {
            float[][] predicted = booster.predict(matrix, true, 0);
            float[] margins = new float[rows.rowCount()];
            for (int r = 0; r < margins.length; r++) {
                margins[r] = predicted[r][0];
            }
            return margins;
        } finally {
            matrix.dispose();
        }
    }

    static DMatrix matrix(SimulatedRows rows) throws XGBoostError {
        return new DMatrix(rows.values(), rows.rowCount(), rows.featureCount(), Float.NaN);
    }
}
