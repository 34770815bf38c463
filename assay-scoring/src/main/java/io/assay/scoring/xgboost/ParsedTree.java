package io.assay.scoring.xgboost;

/**
 * One tree as the JSON holds it, before any check: parallel arrays indexed by node id, as
 * XGBoost writes them. {@link ModelChecks} proves it is a tree before anything evaluates it.
 *
 * @param splitConditions a split's threshold, or at a leaf the leaf's value (XGBoost keeps both in one array)
 * @param splitTypes      0 for a numerical split, 1 for a categorical one
 * @param covers          each node's cover ({@code sum_hessian}), which only explanations read; empty when the file has none
 */
record ParsedTree(
        int index,
        int sizeLeafVector,
        int numFeature,
        int[] leftChildren,
        int[] rightChildren,
        int[] splitIndices,
        float[] splitConditions,
        boolean[] defaultLeft,
        int[] splitTypes,
        float[] covers) {

    int nodeCount() {
        return leftChildren.length;
    }

    boolean isLeaf(int node) {
        return leftChildren[node] == -1;
    }
}
