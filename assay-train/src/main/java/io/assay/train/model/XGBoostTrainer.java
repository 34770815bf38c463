package io.assay.train.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.core.error.AssayException;
import io.assay.scoring.bundle.ModelFormat;
import io.assay.train.data.TrainingData;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gradient-boosted trees with XGBoost4J: {@code binary:logistic}, {@code hist}, a fixed seed and
 * thread count, so the same rows and parameters give the same model bytes. Rounds are boosted one
 * at a time so progress can be shown; early stopping watches the validation split and keeps the
 * model as XGBoost wrote it at the best round (no surgery on its JSON).
 */
public final class XGBoostTrainer {
    private static final ObjectMapper JSON = new ObjectMapper();

    public TrainedModel train(TrainingData data, TrainingParameters parameters, TrainingProgress progress) {
        TrainingData.Split train = data.split("train");
        TrainingData.Split validation = data.split("validation");
        DMatrix trainMatrix = null;
        DMatrix validationMatrix = null;
        Booster booster = null;
        try {
            trainMatrix = matrix(train, data.featureCount());
            validationMatrix = matrix(validation, data.featureCount());
            booster = XGBoost.train(trainMatrix, xgboostParameters(parameters), 0, Map.of(), null, null);
            booster.setFeatureNames(data.features().toArray(String[]::new));
            int rounds = parameters.integer("rounds");
            int patience = parameters.integer("early_stopping_rounds");
            String metric = parameters.text("eval_metric");
            boolean higherIsBetter = metric.equals("auc");
            List<Double> curve = new ArrayList<>();
            byte[] best = null;
            int bestRound = -1;
            double bestValue = Double.NaN;
            DMatrix[] watched = {validationMatrix};
            String[] names = {"validation"};
            for (int round = 0; round < rounds; round++) {
                booster.update(trainMatrix, round);
                float[] value = new float[1];
                booster.evalSet(watched, names, round, value);
                curve.add((double) value[0]);
                progress.round(round + 1, rounds, metric, value[0]);
                boolean improved = bestRound < 0 || (higherIsBetter ? value[0] > bestValue : value[0] < bestValue);
                if (improved) {
                    bestValue = value[0];
                    bestRound = round;
                    // The model as it stands, in XGBoost's binary form (several times quicker to write than JSON):
                    // kept only to go back to, when a later round is not better.
                    best = patience > 0 ? booster.toByteArray("ubj") : null;
                } else if (patience > 0 && round - bestRound >= patience) {
                    break;
                }
            }
            if (patience == 0) {
                // Without early stopping the model is every round, as XGBoost trains it.
                bestRound = curve.size() - 1;
                best = booster.toByteArray("json");
            } else if (bestRound == curve.size() - 1) {
                best = booster.toByteArray("json");
            } else {
                best = json(best, data);
            }
            Map<String, Double> importance = importance(data, best);
            return new TrainedModel(ModelFormat.XGBOOST_JSON, best, bestRound + 1, curve.size(), metric, curve, importance,
                    Map.of("xgboost", versionOf(best)));
        } catch (XGBoostError e) {
            throw AssayException.invalid("XGBoost refused to train: " + firstLine(e.getMessage()));
        } finally {
            dispose(booster);
            dispose(trainMatrix);
            dispose(validationMatrix);
        }
    }

    /** Our own binary snapshot of the best round, written back as XGBoost's JSON by XGBoost itself (trusted bytes: we wrote them). */
    private static byte[] json(byte[] ubj, TrainingData data) throws XGBoostError {
        Booster kept = null;
        try {
            kept = XGBoost.loadModel(ubj);
            return kept.toByteArray("json");
        } catch (IOException e) {
            throw new IllegalStateException("XGBoost could not read back the model it wrote", e);
        } finally {
            dispose(kept);
        }
    }

    /** The parameters as XGBoost takes them: the fixed ones, then the run's own (rounds and early stopping are ours). */
    public static Map<String, Object> xgboostParameters(TrainingParameters parameters) {
        Map<String, Object> map = new HashMap<>();
        map.put("objective", "binary:logistic");
        map.put("tree_method", "hist");
        map.put("verbosity", 0);
        parameters.values().forEach((name, value) -> {
            if (!name.equals("rounds") && !name.equals("early_stopping_rounds") && !name.equals("exclude")) {
                map.put(name, value);
            }
        });
        return map;
    }

    public static DMatrix matrix(TrainingData.Split split, int featureCount) throws XGBoostError {
        DMatrix matrix = new DMatrix(split.rows(), split.rowCount(), featureCount, Float.NaN);
        float[] labels = new float[split.rowCount()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = split.labels()[r] ? 1f : 0f;
        }
        matrix.setLabel(labels);
        return matrix;
    }

    /**
     * Total gain per feature of the kept model, summed from its JSON (the loss change of every split
     * on the feature), which is what XGBoost's {@code total_gain} reports, without a call into native code.
     */
    private static Map<String, Double> importance(TrainingData data, byte[] model) {
        Map<String, Double> gains = new TreeMap<>();
        data.features().forEach(f -> gains.put(f, 0.0));
        try {
            for (JsonNode tree : JSON.readTree(model).path("learner").path("gradient_booster").path("model").path("trees")) {
                JsonNode left = tree.path("left_children");
                JsonNode features = tree.path("split_indices");
                JsonNode losses = tree.path("loss_changes");
                for (int node = 0; node < left.size(); node++) {
                    if (left.get(node).asInt() >= 0) {
                        gains.merge(data.features().get(features.get(node).asInt()), losses.get(node).asDouble(), Double::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("XGBoost wrote a model that is not JSON", e);
        }
        return gains;
    }

    private static String versionOf(byte[] model) {
        try {
            JsonNode version = JSON.readTree(model).path("version");
            return version.path(0).asText() + "." + version.path(1).asText() + "." + version.path(2).asText();
        } catch (IOException e) {
            throw new IllegalStateException("XGBoost wrote a model that is not JSON", e);
        }
    }

    private static void dispose(Object resource) {
        if (resource instanceof Booster booster) {
            booster.dispose();
        } else if (resource instanceof DMatrix matrix) {
            matrix.dispose();
        }
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
