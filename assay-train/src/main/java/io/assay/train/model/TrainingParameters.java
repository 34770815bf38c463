package io.assay.train.model;

import io.assay.core.error.AssayException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The parameters of one training run, every one checked and every default filled in, so a run
 * records exactly what it was trained with and a reproduction passes exactly that again.
 */
public record TrainingParameters(Algorithm algorithm, Map<String, String> values) {
    /** XGBoost's, under XGBoost's own names; the objective and tree method are fixed (binary:logistic, hist). */
    public static final List<Parameter> XGBOOST = List.of(
            Parameter.integer("rounds", 1, 5000, 300, "boosting rounds at most"),
            Parameter.integer("early_stopping_rounds", 0, 1000, 30, "stop when the validation metric has not improved for this many rounds (0: never)"),
            Parameter.choice("eval_metric", List.of("logloss", "auc"), "the validation metric early stopping watches"),
            Parameter.number("eta", 0, false, 1, 0.1, "learning rate"),
            Parameter.integer("max_depth", 1, 16, 5, "depth of each tree"),
            Parameter.number("min_child_weight", 0, true, 1e6, 1, "least hessian in a leaf"),
            Parameter.number("subsample", 0, false, 1, 1, "share of rows sampled per tree"),
            Parameter.number("colsample_bytree", 0, false, 1, 1, "share of features sampled per tree"),
            Parameter.number("lambda", 0, true, 1e6, 1, "L2 penalty on leaf weights"),
            Parameter.number("alpha", 0, true, 1e6, 0, "L1 penalty on leaf weights"),
            Parameter.number("gamma", 0, true, 1e6, 0, "least loss reduction to split"),
            Parameter.integer("max_bin", 2, 1024, 256, "histogram bins per feature"),
            Parameter.number("scale_pos_weight", 0, false, 1e6, 1, "weight of the positive class"),
            Parameter.integer("seed", 0, Integer.MAX_VALUE, 7, "random seed"),
            Parameter.integer("nthread", 1, 64, 2, "threads; recorded, since a reproduction passes the same"),
            Parameter.names("exclude", "features of the training set the model does not take, comma-separated"));

    public static final List<Parameter> LOGISTIC = List.of(
            Parameter.number("l2", 0, true, 1e6, 1, "L2 penalty on the standardised coefficients (not the intercept)"),
            Parameter.integer("max_iterations", 1, 500, 100, "Newton steps at most"),
            Parameter.number("tolerance", 0, false, 1, 1e-9, "stop when no coefficient moves more than this"),
            Parameter.integer("seed", 0, Integer.MAX_VALUE, 7, "recorded for symmetry: the fit draws nothing at random"),
            Parameter.integer("nthread", 1, 64, 1, "recorded: the fit runs on one thread"),
            Parameter.names("exclude", "features of the training set the model does not take, comma-separated"));

    public TrainingParameters {
        requireNonNull(algorithm, "algorithm is null");
        values = new TreeMap<>(requireNonNull(values, "values is null"));
    }

    public static List<Parameter> of(Algorithm algorithm) {
        return switch (algorithm) {
            case XGBOOST -> XGBOOST;
            case LOGISTIC -> LOGISTIC;
        };
    }

    /** {@code given} checked against the algorithm's parameters, with the defaults of those not given. */
    public static TrainingParameters resolve(Algorithm algorithm, Map<String, String> given) {
        Map<String, Parameter> known = new LinkedHashMap<>();
        of(algorithm).forEach(p -> known.put(p.name(), p));
        for (String name : given.keySet()) {
            if (!known.containsKey(name)) {
                throw AssayException.invalid("parameter '" + name + "' is unknown to " + algorithm.wireName() + "; it takes "
                        + known.keySet().stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        Map<String, String> values = new TreeMap<>();
        known.forEach((name, parameter) -> values.put(name, parameter.check(given.getOrDefault(name, parameter.defaultValue()))));
        return new TrainingParameters(algorithm, values);
    }

    public int integer(String name) {
        return Integer.parseInt(require(name));
    }

    public double number(String name) {
        return Double.parseDouble(require(name));
    }

    public String text(String name) {
        return require(name);
    }

    /** The features left out of the model, in sorted order. */
    public List<String> excluded() {
        String names = require("exclude");
        return names.isEmpty() ? List.of() : List.of(names.split(","));
    }

    public long seed() {
        return Long.parseLong(require("seed"));
    }

    public int nthread() {
        return integer("nthread");
    }

    private String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(algorithm.wireName() + " has no parameter " + name);
        }
        return value;
    }
}
