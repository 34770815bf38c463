package io.assay.scoring.xgboost;

import java.util.List;

/**
 * The trees laid out for speed, in flat primitive arrays shared by every thread (never written
 * after construction).
 *
 * <p>A tree up to {@link #PERFECT_DEPTH} deep is stored as a perfect binary tree in heap order
 * (node {@code i}'s children are {@code 2i} and {@code 2i + 1}): a leaf above the bottom is padded
 * with splits whose every path ends at its value. A walk is then exactly {@code depth} steps of
 * {@code i = 2i + goesRight}, with no leaf test and no branch, so the walks of several rows
 * overlap in the pipeline. Deeper trees (rare; padding would cost 2^depth) keep their own
 * nodes, renumbered breadth-first so a node's right child follows its left.
 *
 * <p>XGBoost's rule ({@code GetNextNode} in src/predictor/predict_fn.h): a missing (NaN) value
 * takes the split's default branch, any other value goes left when {@code value < condition}
 * in float32. To decide without a branch (the outcome is a coin toss the CPU cannot predict),
 * each row is first {@linkplain #prepare prepared} as int keys that order as the floats do, in
 * two copies: one with a missing value as the largest int (right of every condition), one with
 * it as the smallest (left of every one). A split reads its feature from the copy that sends a
 * missing value its default way. A split is one long: that slot in its high half, the
 * condition's key in its low half, so one load fetches both.
 *
 * <p>The single-row path walks {@link #GROUP} trees side by side, so runs of that many perfect
 * trees are padded to their deepest member's depth.
 */
final class CompiledForest {
    static final int PERFECT_DEPTH = 8;
    /** Consecutive perfect trees padded to one depth, so one row can walk them side by side. */
    static final int GROUP = 8;

    final int treeCount;
    final int featureCount;
    final float baseMargin;
    /**
     * Per tree: the depth it is laid out to (its own, or for a perfect tree in a group of
     * {@link #GROUP}, the group's deepest, padded); for a perfect tree, where its heap's
     * position 0 would sit in split and leaf.
     */
    final int[] depth;
    /** Whether tree t starts a group of {@link #GROUP} perfect trees of one laid-out depth. */
    final boolean[] groupStart;
    final int[] splitBase;
    final int[] leafBase;
    final long[] split;
    final float[] leaf;
    /** Deeper trees: per node its split, its leaf value, and its left child (-1 at a leaf). */
    final long[] linkedSplit;
    final float[] linkedLeaf;
    final int[] linkedLeft;

    CompiledForest(List<ParsedTree> trees, int[] depths, int featureCount, float baseMargin) {
        this.treeCount = trees.size();
        this.featureCount = featureCount;
        this.baseMargin = baseMargin;
        this.depth = depths.clone();
        this.groupStart = new boolean[treeCount];
        padGroups();
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
        split = new long[splits];
        leaf = new float[leaves];
        linkedSplit = new long[linked];
        linkedLeaf = new float[linked];
        linkedLeft = new int[linked];
        int nextSplit = 0;
        int nextLeaf = 0;
        int nextLinked = 0;
        for (int t = 0; t < treeCount; t++) {
            ParsedTree tree = trees.get(t);
            if (depth[t] <= PERFECT_DEPTH) {
                int size = 1 << depth[t];
                // Heap positions start at 1, and leaves at position `size`: both offsets folded in once here.
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

    /** Pads each run of GROUP perfect trees to its deepest; padding keeps every leaf's value on all its paths. */
    private void padGroups() {
        for (int first = 0; first + GROUP <= treeCount; first += GROUP) {
            int deepest = 0;
            for (int t = first; t < first + GROUP; t++) {
                deepest = Math.max(deepest, depth[t]);
            }
            if (deepest <= PERFECT_DEPTH) {
                groupStart[first] = true;
                for (int t = first; t < first + GROUP; t++) {
                    depth[t] = deepest;
                }
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
            split[splitAt + p] = split(tree, node);
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
            if (tree.isLeaf(node)) {
                linkedLeaf[position] = tree.splitConditions()[node];
                linkedLeft[position] = -1;
                continue;
            }
            linkedSplit[position] = split(tree, node);
            linkedLeft[position] = next;
            queue[tail++] = tree.leftChildren()[node];
            queue[tail++] = tree.rightChildren()[node];
            next += 2;
        }
        return next;
    }

    /** A split as one long: the slot its feature is read from, and its condition's key. */
    private long split(ParsedTree tree, int node) {
        int slot = tree.splitIndices()[node] + (tree.defaultLeft()[node] ? featureCount : 0);
        return ((long) slot << 32) | (key(tree.splitConditions()[node]) & 0xffff_ffffL);
    }

    /**
     * 1 when a prepared key goes right ({@code key >= condition key}): the sign of
     * {@code condition - key - 1}, in long so it cannot overflow.
     */
    static int goesRight(int key, long split) {
        return (int) (((long) (int) split - key - 1) >>> 63);
    }

    /**
     * An int that orders as the float does (NaN aside): a negative float's magnitude bits are
     * flipped so they count down. Adding +0 first turns -0 into +0, which compare equal as floats.
     */
    static int key(float value) {
        int bits = Float.floatToRawIntBits(value + 0.0f);
        return bits ^ ((bits >> 31) & 0x7fff_ffff);
    }

    static int slot(long split) {
        return (int) (split >>> 32);
    }

    /** Writes the row's two copies of keys (missing as the largest, then as the smallest int) at {@code into[at..at + 2 * featureCount)}. */
    static void prepare(float[] rows, int offset, int featureCount, int[] into, int at) {
        for (int f = 0; f < featureCount; f++) {
            float value = rows[offset + f];
            boolean missing = value != value;
            int key = key(value);
            into[at + f] = missing ? Integer.MAX_VALUE : key;
            into[at + featureCount + f] = missing ? Integer.MIN_VALUE : key;
        }
    }
}
