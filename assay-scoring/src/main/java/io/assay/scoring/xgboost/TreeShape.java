package io.assay.scoring.xgboost;

import io.assay.core.error.AssayException;

/**
 * Proves a parsed tree is a tree the evaluators can walk: from the root, every split has two
 * distinct children in range and after it (so no walk can loop), no node is reached twice, every
 * split reads a feature the model has, every number is finite, and no leaf is deeper than the
 * limit. Nodes no walk reaches (XGBoost's pruner leaves deleted ones behind) are never evaluated,
 * so they are not judged.
 */
final class TreeShape {
    private TreeShape() {}

    /** The depth of the tree (0 for a single leaf); refuses any tree that is not sound. */
    static int depthOf(ParsedTree tree, int featureCount, int maxDepth) {
        String prefix = "tree " + tree.index() + ": ";
        if (tree.sizeLeafVector() > 1) {
            throw AssayException.invalid(prefix + "has vector leaves (size_leaf_vector " + tree.sizeLeafVector()
                    + "): multi-target trees are not supported");
        }
        for (int node = 0; node < tree.splitTypes().length; node++) {
            if (tree.splitTypes()[node] != 0) {
                throw AssayException.invalid(prefix + "node " + node + " is a categorical split (split_type " + tree.splitTypes()[node]
                        + "): only numerical splits are supported; one-hot encode the feature or retrain without enable_categorical");
            }
        }
        int nodes = tree.nodeCount();
        int[] depth = new int[nodes];
        boolean[] reached = new boolean[nodes];
        int[] stack = new int[nodes];
        int top = 0;
        stack[top++] = 0;
        reached[0] = true;
        int deepest = 0;
        while (top > 0) {
            int node = stack[--top];
            float value = tree.splitConditions()[node];
            if (tree.isLeaf(node)) {
                if (tree.rightChildren()[node] != -1) {
                    throw AssayException.invalid(prefix + "node " + node + " has no left child but a right child "
                            + tree.rightChildren()[node] + ": not a binary tree");
                }
                if (!Float.isFinite(value)) {
                    throw AssayException.invalid(prefix + "leaf " + node + " has the non-finite value " + value);
                }
                deepest = Math.max(deepest, depth[node]);
                continue;
            }
            int feature = tree.splitIndices()[node];
            if (feature < 0 || feature >= featureCount) {
                throw AssayException.invalid(prefix + "node " + node + " splits on feature " + feature + " but the model has num_feature "
                        + featureCount + " (features 0.." + (featureCount - 1) + ")");
            }
            if (!Float.isFinite(value)) {
                throw AssayException.invalid(prefix + "node " + node + " has the non-finite split condition " + value);
            }
            int left = tree.leftChildren()[node];
            int right = tree.rightChildren()[node];
            for (int child : new int[] {left, right}) {
                if (child < 0 || child >= nodes) {
                    throw AssayException.invalid(prefix + "node " + node + " has child " + child + ", out of range for its " + nodes + " nodes");
                }
                if (child <= node) {
                    throw AssayException.invalid(prefix + "node " + node + " has child " + child + ", not after it: children must come "
                            + "after their parent (a cycle or a malformed tree)");
                }
                if (reached[child]) {
                    throw AssayException.invalid(prefix + "node " + child + " is reached twice (from node " + node + "): not a tree");
                }
                reached[child] = true;
                depth[child] = depth[node] + 1;
                if (depth[child] > maxDepth) {
                    throw AssayException.invalid(prefix + "is deeper than the limit of " + maxDepth + " (node " + child + " at depth "
                            + depth[child] + ")");
                }
                stack[top++] = child;
            }
        }
        return deepest;
    }
}
