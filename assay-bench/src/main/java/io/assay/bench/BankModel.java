package io.assay.bench;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * BANK-300, the scoring benchmark's reference model: binary:logistic, 300 trees of depth 6 over
 * 50 features, about 2 % of values missing, trained with hist on seeded simulated rows (so every
 * run of the benchmark scores the same model). Every fifth feature is integer-valued, like
 * counts and codes, so rows tie with split conditions as real ones do.
 */
final class BankModel {
    static final String NAME = "BANK-300";
    static final int FEATURES = 50;
    static final int TREES = 300;
    static final int DEPTH = 6;
    static final double MISSING_SHARE = 0.02;

    private BankModel() {}

    /** {@code count} rows of {@link #FEATURES} values, row-major. */
    static float[] rows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count * FEATURES];
        for (int i = 0; i < values.length; i++) {
            int feature = i % FEATURES;
            float value = feature % 5 == 0 ? random.nextInt(1 + feature / 5) : (float) (random.nextGaussian() * (1 + feature % 3));
            values[i] = random.nextDouble() < MISSING_SHARE ? Float.NaN : value;
        }
        return values;
    }

    /** Labels that depend on a dozen features, some through interactions, drawn with noise. */
    static float[] labels(float[] rows, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] labels = new float[count];
        for (int r = 0; r < count; r++) {
            int at = r * FEATURES;
            double score = -1.0;
            for (int f = 0; f < 12; f++) {
                score += (f % 2 == 0 ? 0.3 : -0.25) * orZero(rows[at + f * 4]);
            }
            score += orZero(rows[at + 1]) > 0.5 && orZero(rows[at + 10]) > 1 ? 1.0 : 0.0;
            labels[r] = random.nextDouble() < 1 / (1 + Math.exp(-score)) ? 1f : 0f;
        }
        return labels;
    }

    static Map<String, Object> params(int threads) {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("tree_method", "hist");
        params.put("max_depth", DEPTH);
        params.put("eta", 0.1);
        params.put("seed", 2024);
        params.put("nthread", threads);
        params.put("verbosity", 0);
        return params;
    }

    static Booster train(int rowCount, long seed, int threads) throws XGBoostError {
        return train(rowCount, seed, threads, TREES);
    }

    /** The same model with another number of trees (the serving benchmark's smaller sizes). */
    static Booster train(int rowCount, long seed, int threads, int trees) throws XGBoostError {
        float[] rows = rows(rowCount, seed);
        DMatrix train = matrix(rows, rowCount);
        try {
            train.setLabel(labels(rows, rowCount, seed + 1));
            return XGBoost.train(train, params(threads), trees, new HashMap<>(), null, null);
        } finally {
            train.dispose();
        }
    }

    static DMatrix matrix(float[] rows, int rowCount) throws XGBoostError {
        return new DMatrix(rows, rowCount, FEATURES, Float.NaN);
    }

    private static double orZero(float value) {
        return Float.isNaN(value) ? 0 : value;
    }
}
