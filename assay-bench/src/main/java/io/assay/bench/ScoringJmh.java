package io.assay.bench;

import io.assay.scoring.xgboost.TreeEnsemble;
import io.assay.scoring.xgboost.XGBoostJson;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process scoring figures, run by {@link ScoringBenchmark} through JMH's Runner. Each fork
 * reads the model the benchmark trained from the file named by {@code assay.bench.model}, so
 * every fork and both scorers score the same BANK-300, on the same seeded rows.
 */
public class ScoringJmh {
    static final String MODEL_PROPERTY = "assay.bench.model";
    static final int BATCH_ROWS = 10_000;
    private static final int SINGLE_ROWS = 4096;
    private static final long ROW_SEED = 77L;

    @State(Scope.Benchmark)
    public static class Model {
        /** XGBoost4J's own threads for its predict (the compiled scorer runs on the JMH threads). */
        @Param("1")
        public int xgboostThreads;

        TreeEnsemble compiled;
        Booster booster;
        float[] batch;
        float[][] singles;

        @Setup(Level.Trial)
        public void load() throws Exception {
            byte[] json = Files.readAllBytes(Path.of(System.getProperty(MODEL_PROPERTY)));
            compiled = XGBoostJson.read(json);
            booster = XGBoost.loadModel(json);
            booster.setParam("nthread", xgboostThreads);
            batch = BankModel.rows(BATCH_ROWS, ROW_SEED);
            singles = new float[SINGLE_ROWS][];
            float[] rows = BankModel.rows(SINGLE_ROWS, ROW_SEED + 1);
            for (int r = 0; r < SINGLE_ROWS; r++) {
                singles[r] = new float[BankModel.FEATURES];
                System.arraycopy(rows, r * BankModel.FEATURES, singles[r], 0, BankModel.FEATURES);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            booster.dispose();
        }
    }

    /** Per thread: which row is next, and where margins go. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
        final float[] out = new float[BATCH_ROWS];

        float[] row(Model model) {
            next = (next + 1) & (SINGLE_ROWS - 1);
            return model.singles[next];
        }
    }

    @Benchmark
    public float singleRowCompiled(Model model, Cursor cursor) {
        return model.compiled.margin(cursor.row(model));
    }

    /** How XGBoost4J scores one row: a one-row DMatrix (fresh each time: predict caches per matrix), then predict. */
    @Benchmark
    public float singleRowXGBoostPredict(Model model, Cursor cursor) throws Exception {
        DMatrix matrix = new DMatrix(cursor.row(model), 1, BankModel.FEATURES, Float.NaN);
        try {
            return model.booster.predict(matrix, true, 0)[0][0];
        } finally {
            matrix.dispose();
        }
    }

    /** XGBoost4J's predict without a DMatrix (inplace_predict): its fastest one-row path. */
    @Benchmark
    public float singleRowXGBoostInplace(Model model, Cursor cursor) throws Exception {
        return model.booster.inplace_predict(cursor.row(model), 1, BankModel.FEATURES, Float.NaN, new int[] {0, 0},
                Booster.PredictionType.kMargin, null)[0][0];
    }

    @Benchmark
    public float[] batchCompiled(Model model, Cursor cursor) {
        model.compiled.margins(model.batch, BATCH_ROWS, cursor.out);
        return cursor.out;
    }

    @Benchmark
    public float[][] batchXGBoostPredict(Model model) throws Exception {
        DMatrix matrix = BankModel.matrix(model.batch, BATCH_ROWS);
        try {
            return model.booster.predict(matrix, true, 0);
        } finally {
            matrix.dispose();
        }
    }

    @Benchmark
    public float[][] batchXGBoostInplace(Model model) throws Exception {
        return model.booster.inplace_predict(model.batch, BATCH_ROWS, BankModel.FEATURES, Float.NaN, new int[] {0, 0},
                Booster.PredictionType.kMargin, null);
    }
}
