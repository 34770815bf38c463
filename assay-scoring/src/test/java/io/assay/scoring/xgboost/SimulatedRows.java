package io.assay.scoring.xgboost;

import java.util.SplittableRandom;

/**
 * Seeded rows shaped like bank features, to train and score on: continuous columns with a few
 * percent missing, integer-valued columns (so rows tie with split conditions), constant columns
 * (never split on), and a label that depends on several of them.
 */
record SimulatedRows(int rowCount, int featureCount, float[] values, float[] labels) {
    static SimulatedRows generate(int rowCount, long seed) {
        int features = 20;
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rowCount * features];
        float[] labels = new float[rowCount];
        for (int r = 0; r < rowCount; r++) {
            int at = r * features;
            for (int f = 0; f < 8; f++) {
                double missingShare = f < 4 ? 0.02 + 0.01 * f : 0.0;
                values[at + f] = random.nextDouble() < missingShare ? Float.NaN : (float) (random.nextGaussian() * (1 + f));
            }
            for (int f = 8; f < 14; f++) {
                double missingShare = f < 10 ? 0.05 : 0.0;
                values[at + f] = random.nextDouble() < missingShare ? Float.NaN : random.nextInt(f - 4);
            }
            values[at + 14] = 1.0f;
            values[at + 15] = 0.0f;
            for (int f = 16; f < features; f++) {
                values[at + f] = (float) random.nextDouble();
            }
            double score = -0.5 + 0.8 * orZero(values[at]) - 0.3 * orZero(values[at + 1]) + 0.25 * orZero(values[at + 8])
                    - 0.4 * orZero(values[at + 9]) + (orZero(values[at + 2]) > 1 && values[at + 10] > 2 ? 1.2 : 0)
                    + 0.9 * values[at + 16];
            labels[r] = random.nextDouble() < 1 / (1 + Math.exp(-score)) ? 1f : 0f;
        }
        return new SimulatedRows(rowCount, features, values, labels);
    }

    /** The same rows and labels with only the first {@code columns} features. */
    SimulatedRows firstColumns(int columns) {
        float[] kept = new float[rowCount * columns];
        for (int r = 0; r < rowCount; r++) {
            System.arraycopy(values, r * featureCount, kept, r * columns, columns);
        }
        return new SimulatedRows(rowCount, columns, kept, labels);
    }

    float[] row(int r) {
        float[] row = new float[featureCount];
        System.arraycopy(values, r * featureCount, row, 0, featureCount);
        return row;
    }

    private static double orZero(float value) {
        return Float.isNaN(value) ? 0 : value;
    }
}
