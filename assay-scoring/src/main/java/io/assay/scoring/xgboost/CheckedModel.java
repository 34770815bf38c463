package io.assay.scoring.xgboost;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A model that passed {@link ModelChecks}: what the compiler may rely on. */
record CheckedModel(
        XGBoostVersion version,
        Objective objective,
        float baseScore,
        float baseMargin,
        int featureCount,
        List<String> featureNames,
        List<ParsedTree> trees,
        int[] depths) {

    CheckedModel {
        requireNonNull(version, "version is null");
        requireNonNull(objective, "objective is null");
        featureNames = List.copyOf(featureNames);
        trees = List.copyOf(trees);
        if (depths.length != trees.size()) {
            throw new IllegalArgumentException("one depth per tree: " + depths.length + " depths for " + trees.size() + " trees");
        }
    }
}
