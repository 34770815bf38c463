package io.assay.scoring.xgboost;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the JSON said, field by field, before any check. Absent fields are empty, so the checks
 * can name what is missing.
 *
 * @param learnerModelParam the {@code learner_model_param} strings (base_score, num_feature, ...)
 * @param treeInfo          the output group of each tree (all 0 for one output)
 * @param categoryEncodings entries in {@code gradient_booster.model.cats.enc}: categorical features
 */
record ParsedModel(
        Optional<XGBoostVersion> version,
        boolean hasLearner,
        Optional<String> boosterName,
        boolean hasBoosterModel,
        Optional<String> objectiveName,
        Map<String, String> learnerModelParam,
        List<String> featureNames,
        Optional<List<ParsedTree>> trees,
        int[] treeInfo,
        Optional<String> numParallelTree,
        int categoryEncodings) {
}
