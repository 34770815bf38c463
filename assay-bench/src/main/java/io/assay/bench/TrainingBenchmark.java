package io.assay.bench;

import io.assay.data.features.TrainingSet;
import io.assay.scoring.bundle.BundleSignature;
import io.assay.scoring.bundle.ModelBundle;
import io.assay.train.data.TrainingData;
import io.assay.train.model.Algorithm;
import io.assay.train.model.TrainedModel;
import io.assay.train.model.TrainingParameters;
import io.assay.train.model.TrainingProgress;
import io.assay.train.model.XGBoostTrainer;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assay's XGBoost trainer beside a bare XGBoost4J train of BANK-300 on the same rows, in the same
 * run: 300 rounds of depth 6 over 50 features, the validation split evaluated every round by both
 * (Assay watches it for early stopping, switched off here so both grow all 300 trees). Assay's
 * overhead is building its matrices, one round at a time with a callback, a JSON snapshot at each
 * improvement, and the importance read from the JSON. It also prints whether both wrote the same
 * bytes, and whether Assay's bytes are the same across two runs and across one and two threads.
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int trainRows = intOption(args, "--train-rows", 100_000);
        int runs = intOption(args, "--runs", 3);
        int validationRows = trainRows / 5;
        TrainingData data = data(trainRows, validationRows);
        Map<String, String> given = new LinkedHashMap<>(Map.of("rounds", "300", "early_stopping_rounds", "0", "max_depth", "6", "eta", "0.1",
                "seed", "2024", "nthread", "2"));
        TrainingParameters parameters = TrainingParameters.resolve(Algorithm.XGBOOST, given);
        System.out.printf("%s: %,d train rows, %,d validation rows, 300 rounds, depth 6, nthread 2, %d runs each%n", BankModel.NAME,
                trainRows, validationRows, runs);
        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        byte[] ourBytes = null;
        byte[] bareBytes = null;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            TrainedModel model = new XGBoostTrainer().train(data, parameters, TrainingProgress.SILENT);
            ours.add((System.nanoTime() - start) / 1e9);
            ourBytes = model.model();
            start = System.nanoTime();
            bareBytes = bareTrain(data, parameters);
            bare.add((System.nanoTime() - start) / 1e9);
            System.out.printf("  run %d: Assay %.2f s, bare XGBoost4J %.2f s%n", run + 1, ours.get(run), bare.get(run));
        }
        double ratio = median(ours) / median(bare);
        System.out.printf("training: Assay %.2f s, bare XGBoost4J %.2f s (medians) — ratio %.3f (goal <= 1.1)%n", median(ours), median(bare),
                ratio);
        System.out.println("model bytes identical, Assay and bare XGBoost4J: " + (Arrays.equals(ourBytes, bareBytes) ? "yes" : "no")
                + " (sha256 " + ModelBundle.sha256(ourBytes).substring(0, 12) + " / " + ModelBundle.sha256(bareBytes).substring(0, 12) + ")");
        byte[] again = new XGBoostTrainer().train(data, parameters, TrainingProgress.SILENT).model();
        given.put("nthread", "1");
        byte[] oneThread = new XGBoostTrainer().train(data, TrainingParameters.resolve(Algorithm.XGBOOST, given), TrainingProgress.SILENT)
                .model();
        System.out.println("model bytes identical across two Assay runs: " + (Arrays.equals(ourBytes, again) ? "yes" : "no")
                + "; across nthread 2 and 1: " + (Arrays.equals(ourBytes, oneThread) ? "yes" : "no"));
    }

    /** The peer: the same parameters, the validation split watched, all rounds at once, the model written once. */
    private static byte[] bareTrain(TrainingData data, TrainingParameters parameters) throws Exception {
        DMatrix train = XGBoostTrainer.matrix(data.split("train"), data.featureCount());
        DMatrix validation = XGBoostTrainer.matrix(data.split("validation"), data.featureCount());
        try {
            Booster booster = XGBoost.train(train, XGBoostTrainer.xgboostParameters(parameters), parameters.integer("rounds"),
                    Map.of("validation", validation), null, null);
            booster.setFeatureNames(data.features().toArray(String[]::new));
            byte[] bytes = booster.toByteArray("json");
            booster.dispose();
            return bytes;
        } finally {
            train.dispose();
            validation.dispose();
        }
    }

    private static TrainingData data(int trainRows, int validationRows) {
        List<String> features = new ArrayList<>();
        for (int j = 0; j < BankModel.FEATURES; j++) {
            features.add("f" + j);
        }
        Map<String, TrainingData.Split> splits = new LinkedHashMap<>();
        splits.put("train", split("train", trainRows, 11));
        splits.put("validation", split("validation", validationRows, 21));
        splits.put("test", split("test", validationRows, 31));
        TrainingSet set = new TrainingSet(TrainingSet.FORMAT, "bank-300-bench", "bank-300", 1, "0".repeat(64), 40, "default", "customer_id",
                features, List.of(), List.of(), List.of(), Map.of(), trainRows, 0, "0".repeat(64), "0".repeat(64), List.of(), "-", "bench",
                Instant.EPOCH, "bench");
        return new TrainingData(set, features, Collections.nCopies(features.size(), BundleSignature.Type.DOUBLE), splits);
    }

    private static TrainingData.Split split(String name, int rows, long seed) {
        float[] values = BankModel.rows(rows, seed);
        float[] labels = BankModel.labels(values, rows, seed + 1);
        boolean[] positive = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            positive[r] = labels[r] == 1f;
        }
        return new TrainingData.Split(name, rows, values, positive, Map.of());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
