package io.assay.scoring.xgboost;

import java.util.List;

/**
 * The trees laid out for speed, in flat primitive arrays shared by every thread (never written
 * after construction).
 *
 * <p>A tree up to {@link #PERFECT_DEPTH} deep is stored as a perfect binary tree in heap order
 * (node {@code i}'s children are {@code 2i} and {@code 2i + 1}): a leaf above the bottom is padded
 * with splits whose every path ends at its value. A walk is then exactly {@code depth} steps of
 * {@code i = 2i + goRight}, with no leaf test and no branch the CPU must guess, so the walks of
 * several rows overlap in the pipeline. Deeper trees (rare; padding would cost 2^depth) keep their
 * own nodes, renumbered breadth-first so a node's right child follows its left.
 *
 * <p>A split word holds the feature index and, in its sign bit, whether a missing value goes left.
 * XGBoost's rule ({@code GetNextNode} in src/predictor/predict_fn.h): a missing (NaN) value takes
 * the default branch, any other value goes left when {@code value < condition} in float32.
 */
final class CompiledForest {
    static final int PERFECT_DEPTH = 8;
    static final int FEATURE_MASK = 0x7fff_ffff;
    private static final int DEFAULT_LEFT = 0x8000_0000;

    final int treeCount;
    final float baseMargin;
    /** Per tree: its depth; for a perfect tree where its heap's position 0 sits in the split and leaf arrays. */
    final int[] depth;
    final int[] splitBase;
    final int[] leafBase;
    final int[] splitWord;
    final float[] threshold;
    final float[] leaf;
    /** Deeper trees: per node its split word, its condition or leaf value, and its left child (-1 at a leaf). */
    final int[] linkedWord;
    final float[] linkedValue;
    final int[] linkedLeft;

    CompiledForest(List<ParsedTree> trees, int[] depths, float baseMargin) {
        this.treeCount = trees.size();
        this.baseMargin = baseMargin;
        this.depth = depths.clone();
        this.splitBase = new int[treeCount];
        this.leafBase = new int[treeCount];
        int splits = 0;
        int leaves = 0;
        int linked = 0;
        for (int t = 0; t < treeCount; t++) {
            if (depth[t] <= PERFECT_DEPTH) {
                splits += (1 << depth[t]) - 1;
                leaves += 1 << depth[t];
            } else {
                linked += trees.get(t).nodeCount();
            }
        }
        splitWord = new int[splits];
        threshold = new float[splits];
        leaf = new float[leaves];
        linkedWord = new int[linked];
        linkedValue = new float[linked];
        linkedLeft = new int[linked];
        int nextSplit = 0;
        int nextLeaf = 0;
        int nextLinked = 0;
        for (int t = 0; t < treeCount; t++) {
            ParsedTree tree = trees.get(t);
            if (depth[t] <= PERFECT_DEPTH) {
                int size = 1 << depth[t];
                // Heap positions start at 1: subtract it, and the leaf row's first position, once here.
                splitBase[t] = nextSplit - 1;
                leafBase[t] = nextLeaf - size;
                layPerfect(tree, depth[t], splitBase[t], leafBase[t]);
                nextSplit += size - 1;
                nextLeaf += size;
            } else {
                splitBase[t] = nextLinked;
                nextLinked = layLinked(tree, nextLinked);
            }
        }
    }

    private void layPerfect(ParsedTree tree, int treeDepth, int splitAt, int leafAt) {
        int size = 1 << treeDepth;
        // nodeAt[p]: the tree's node at heap position p (a leaf repeats down its padding).
        int[] nodeAt = new int[2 * size];
        nodeAt[1] = 0;
        for (int p = 1; p < size; p++) {
            int node = nodeAt[p];
            if (tree.isLeaf(node)) {
                nodeAt[2 * p] = node;
                nodeAt[2 * p + 1] = node;
                continue;
            }
            splitWord[splitAt + p] = word(tree, node);
            threshold[splitAt + p] = tree.splitConditions()[node];
            nodeAt[2 * p] = tree.leftChildren()[node];
            nodeAt[2 * p + 1] = tree.rightChildren()[node];
        }
        for (int p = size; p < 2 * size; p++) {
            leaf[leafAt + p] = tree.splitConditions()[nodeAt[p]];
        }
    }

    /** Breadth-first, so children are adjacent; returns the next free position. */
    private int layLinked(ParsedTree tree, int start) {
        int[] queue = new int[tree.nodeCount()];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        int next = start + 1;
        while (head < tail) {
            int position = start + head;
            int node = queue[head++];
            linkedValue[position] = tree.splitConditions()[node];
            if (tree.isLeaf(node)) {
                linkedLeft[position] = -1;
                continue;
            }
            linkedWord[position] = word(tree, node);
            linkedLeft[position] = next;
            queue[tail++] = tree.leftChildren()[node];
            queue[tail++] = tree.rightChildren()[node];
            next += 2;
        }
        return next;
    }

    private static int word(ParsedTree tree, int node) {
        return tree.splitIndices()[node] | (tree.defaultLeft()[node] ? DEFAULT_LEFT : 0);
    }

    /**
     * 1 when the value goes right: {@code !(value < condition)}, except that a missing value
     * whose default is left goes left. (NaN fails every comparison, so it lands right unless
     * caught.)
     */
    static int goesRight(int word, float value, float condition) {
        boolean right = !(value < condition) & !((value != value) & (word < 0));
        return right ? 1 : 0;
    }

    long paddedNodeCount() {
        return splitWord.length + leaf.length + linkedWord.length;
    }
}
