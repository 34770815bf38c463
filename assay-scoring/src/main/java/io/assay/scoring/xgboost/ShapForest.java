package io.assay.scoring.xgboost;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The trees as TreeSHAP walks them, apart from {@link CompiledForest} so that explaining costs
 * scoring nothing: each tree's reachable nodes renumbered breadth-first (a split's right child
 * follows its left), and at each what the path-dependent algorithm reads, the split, the cover
 * ({@code sum_hessian}: the training weight that reached the node) and a leaf's value.
 */
final class ShapForest {
    final int featureCount;
    final int treeCount;
    /** Edges from a root to the deepest leaf of any tree: bounds the paths a walk keeps. */
    final int maxDepth;
    final int[] root;
    /** Per node: its left child's position, or -1 at a leaf. */
    final int[] left;
    final int[] feature;
    /** Per node: a split's threshold, a leaf's value (as XGBoost keeps them, in one array). */
    final float[] value;
    final boolean[] defaultLeft;
    final float[] cover;
    /** Per tree, the features it splits on, each once: the only contributions a tree can change. */
    final int[][] treeFeatures;
    /**
     * The base margin plus every tree's expected value, summed as XGBoost 3.4 sums its last
     * column: each tree's value in double rounded to float32, added in tree order in float32,
     * then the base margin.
     */
    final float bias;

    ShapForest(CheckedModel model) {
        List<ParsedTree> trees = model.trees();
        this.featureCount = model.featureCount();
        this.treeCount = trees.size();
        int deepest = 0;
        for (int depth : model.depths()) {
            deepest = Math.max(deepest, depth);
        }
        this.maxDepth = deepest;
        int capacity = trees.stream().mapToInt(ParsedTree::nodeCount).sum();
        int[] lefts = new int[capacity];
        int[] features = new int[capacity];
        float[] values = new float[capacity];
        boolean[] defaults = new boolean[capacity];
        float[] covers = new float[capacity];
        this.root = new int[treeCount];
        this.treeFeatures = new int[treeCount][];
        float expected = 0.0f;
        int next = 0;
        for (int t = 0; t < treeCount; t++) {
            ParsedTree tree = trees.get(t);
            root[t] = next;
            next = lay(tree, next, lefts, features, values, defaults, covers);
            treeFeatures[t] = splitFeatures(lefts, features, root[t], next);
            expected += (float) expectedValue(tree, 0);
        }
        this.left = Arrays.copyOf(lefts, next);
        this.feature = Arrays.copyOf(features, next);
        this.value = Arrays.copyOf(values, next);
        this.defaultLeft = Arrays.copyOf(defaults, next);
        this.cover = Arrays.copyOf(covers, next);
        this.bias = expected + model.baseMargin();
    }

    /**
     * Why the model's trees cannot be explained, if they cannot: TreeSHAP divides by a split's
     * cover, so every tree needs its covers, finite and not negative, and above zero at a split.
     */
    static Optional<String> refusal(List<ParsedTree> trees) {
        for (ParsedTree tree : trees) {
            if (tree.covers().length == 0) {
                return Optional.of("tree " + tree.index() + " has no sum_hessian (the node covers contributions are weighed by); "
                        + "XGBoost writes them in every JSON model");
            }
            int[] stack = new int[tree.nodeCount()];
            int top = 0;
            stack[top++] = 0;
            while (top > 0) {
                int node = stack[--top];
                float cover = tree.covers()[node];
                boolean split = !tree.isLeaf(node);
                if (!Float.isFinite(cover) || cover < 0 || (split && cover == 0)) {
                    return Optional.of("tree " + tree.index() + " node " + node + " has the cover (sum_hessian) " + cover
                            + ": covers must be finite and not negative, and above zero at a split");
                }
                if (split) {
                    stack[top++] = tree.leftChildren()[node];
                    stack[top++] = tree.rightChildren()[node];
                }
            }
        }
        return Optional.empty();
    }

    /** Breadth-first from {@code start}, so a split's children are adjacent; returns the next free position. */
    private static int lay(ParsedTree tree, int start, int[] lefts, int[] features, float[] values, boolean[] defaults, float[] covers) {
        int[] queue = new int[tree.nodeCount()];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        int next = start + 1;
        while (head < tail) {
            int position = start + head;
            int node = queue[head++];
            values[position] = tree.splitConditions()[node];
            covers[position] = tree.covers()[node];
            if (tree.isLeaf(node)) {
                lefts[position] = -1;
                continue;
            }
            lefts[position] = next;
            features[position] = tree.splitIndices()[node];
            defaults[position] = tree.defaultLeft()[node];
            queue[tail++] = tree.leftChildren()[node];
            queue[tail++] = tree.rightChildren()[node];
            next += 2;
        }
        return next;
    }

    /** The features the nodes at {@code [from, to)} split on, each once. */
    private static int[] splitFeatures(int[] lefts, int[] features, int from, int to) {
        return IntStream.range(from, to).filter(p -> lefts[p] >= 0).map(p -> features[p]).distinct().toArray();
    }

    /**
     * The value a tree gives on average over its training weight: its leaves' values weighed by
     * their covers (XGBoost's {@code FillRootMeanValue}).
     */
    private static double expectedValue(ParsedTree tree, int node) {
        if (tree.isLeaf(node)) {
            return tree.splitConditions()[node];
        }
        int leftChild = tree.leftChildren()[node];
        int rightChild = tree.rightChildren()[node];
        double result = expectedValue(tree, leftChild) * tree.covers()[leftChild];
        result += expectedValue(tree, rightChild) * tree.covers()[rightChild];
        return result / tree.covers()[node];
    }
}
