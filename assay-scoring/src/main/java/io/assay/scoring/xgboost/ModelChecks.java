package io.assay.scoring.xgboost;

import io.assay.core.error.AssayException;

import java.util.List;
import java.util.Map;

/**
 * Everything a parsed model must be before it is compiled: an XGBoost gbtree model with one
 * logistic output, whose trees are trees (every child after its parent, each reached once, in
 * range), split on features the model has, with finite numbers, within the limits. The order of
 * the checks is the order of the questions a user would ask: is this XGBoost at all, is it a
 * kind we score, is it sound.
 */
final class ModelChecks {
    private ModelChecks() {}

    static CheckedModel check(ParsedModel model, ModelLimits limits) {
        if (!model.hasLearner()) {
            throw AssayException.invalid("not an XGBoost model: the JSON has no 'learner' object (an XGBoost model reads {\"learner\": ..., \"version\": [...]})");
        }
        XGBoostVersion version = model.version().orElseThrow(() -> AssayException.invalid(
                "not an XGBoost model: the JSON has no top-level 'version' (XGBoost 1.0 and later write one)"));
        checkBooster(model);
        Objective objective = Objective.fromJsonName(model.objectiveName().orElseThrow(() -> AssayException.invalid(
                "not an XGBoost model: the JSON has no learner.objective.name")));
        if (objective == Objective.BINARY_LOGITRAW && version.isAtLeast(3, 5)) {
            throw AssayException.invalid("binary:logitraw from XGBoost " + version + " is not supported: after 3.4 its base_score is "
                    + "no longer a probability; retrain with binary:logistic");
        }
        Map<String, String> param = model.learnerModelParam();
        int classes = integer(param, "num_class", "0");
        if (classes > 1) {
            throw AssayException.invalid("multi-class models are not supported (num_class " + classes + "): the compiled scorer gives one margin per row");
        }
        int targets = integer(param, "num_target", "1");
        if (targets > 1) {
            throw AssayException.invalid("multi-target models are not supported (num_target " + targets + ")");
        }
        int features = integer(param, "num_feature", null);
        if (features < 1) {
            throw AssayException.invalid("learner_model_param.num_feature is " + features + ": a model needs at least one feature");
        }
        float baseScore = baseScore(param.get("base_score"));
        if (!model.featureNames().isEmpty() && model.featureNames().size() != features) {
            throw AssayException.invalid("the model names " + model.featureNames().size() + " features but num_feature is " + features);
        }
        if (model.categoryEncodings() > 0) {
            throw AssayException.invalid("the model has categorical features (gradient_booster.model.cats): categorical splits are not "
                    + "supported; one-hot encode them or retrain without enable_categorical");
        }
        List<ParsedTree> trees = model.trees().orElseThrow();
        checkGroups(model, trees.size());
        int[] depths = new int[trees.size()];
        for (ParsedTree tree : trees) {
            depths[tree.index()] = TreeShape.depthOf(tree, features, limits.maxDepth());
        }
        return new CheckedModel(version, objective, baseScore, objective.baseMargin(baseScore), features, model.featureNames(), trees, depths);
    }

    private static void checkBooster(ParsedModel model) {
        String booster = model.boosterName().orElseThrow(() -> AssayException.invalid(
                "not an XGBoost model: the JSON has no learner.gradient_booster.name"));
        switch (booster) {
            case "gbtree" -> { }
            case "dart" -> throw AssayException.invalid("booster 'dart' is not supported: DART weighs each tree when it predicts; "
                    + "the compiled scorer reads gbtree models (retrain with booster=gbtree)");
            case "gblinear" -> throw AssayException.invalid("booster 'gblinear' is a linear model, not trees: the compiled scorer reads "
                    + "gbtree models only");
            default -> throw AssayException.invalid("booster '" + booster + "' is not supported: the compiled scorer reads gbtree models only");
        }
        if (!model.hasBoosterModel() || model.trees().isEmpty()) {
            throw AssayException.invalid("not an XGBoost tree model: the JSON has no learner.gradient_booster.model.trees");
        }
    }

    /** One output group: every tree feeds output 0 (tree_info), and forests are just more trees per round. */
    private static void checkGroups(ParsedModel model, int treeCount) {
        int[] treeInfo = model.treeInfo();
        if (treeInfo.length != 0 && treeInfo.length != treeCount) {
            throw AssayException.invalid("tree_info has " + treeInfo.length + " entries for " + treeCount + " trees: arrays of inconsistent length");
        }
        for (int i = 0; i < treeInfo.length; i++) {
            if (treeInfo[i] != 0) {
                throw AssayException.invalid("tree " + i + " feeds output group " + treeInfo[i] + ": multi-output models are not supported");
            }
        }
        String parallel = model.numParallelTree().orElse("1");
        try {
            if (Integer.parseInt(parallel.trim()) < 1) {
                throw AssayException.invalid("gbtree_model_param.num_parallel_tree is " + parallel + ", must be at least 1");
            }
        } catch (NumberFormatException notAnInt) {
            throw AssayException.invalid("gbtree_model_param.num_parallel_tree '" + parallel + "' is not an integer");
        }
    }

    /**
     * XGBoost 3.4 writes base_score as a bracketed list ({@code "[4.77E-1]"}), older releases as
     * a bare number ({@code "4.77E-1"}); either way it is one float32 probability.
     */
    static float baseScore(String text) {
        if (text == null) {
            throw AssayException.invalid("learner_model_param has no base_score");
        }
        String inner = text.trim();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1).trim();
        }
        if (inner.contains(",")) {
            throw AssayException.invalid("base_score '" + text + "' holds several values: only one-output models are supported");
        }
        float value;
        try {
            value = Float.parseFloat(inner);
        } catch (NumberFormatException notANumber) {
            throw AssayException.invalid("base_score '" + text + "' is not a number");
        }
        if (!(value >= 0.0f && value <= 1.0f)) {
            throw AssayException.invalid("base_score " + text + " is not a probability in [0, 1], as the logistic objectives need");
        }
        return value;
    }

    private static int integer(Map<String, String> param, String name, String fallback) {
        String value = param.getOrDefault(name, fallback);
        if (value == null) {
            throw AssayException.invalid("learner_model_param has no " + name);
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notAnInt) {
            throw AssayException.invalid("learner_model_param." + name + " '" + value + "' is not an integer");
        }
    }
}
