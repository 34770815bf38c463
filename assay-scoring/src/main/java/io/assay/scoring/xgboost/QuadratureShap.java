package io.assay.scoring.xgboost;

import java.util.Arrays;

/**
 * Path-dependent TreeSHAP in time linear in a tree's size: one pass down and one pass up, a few
 * numbers per node (Yu, Kuang and Ying, "Linear TreeShap", 2022; XGBoost 3.4's QuadratureTreeSHAP
 * is the same idea). The {@link TreeShapWalk} extends and unwinds the whole path at every node
 * and leaf, which costs the square of the depth per leaf.
 *
 * <p>Why it holds: a leaf with value {@code v} plays the game {@code v · Π_{j∈S} o_j · Π_{j∉S} z_j}
 * over the distinct features {@code j} on its path ({@code z_j} the share of training cover that
 * took the path's way at {@code j}'s splits, {@code o_j} 1 when the row takes it too, else 0).
 * A Shapley value is the integral over {@code t} in [0, 1] of the game's multilinear extension
 * differentiated at {@code (t, …, t)}, here {@code v (o_i − z_i) ∫ Π_{j≠i} (z_j + t (o_j − z_j)) dt}.
 * The integrand is a polynomial of degree below the depth, so Gauss–Legendre with
 * {@code ⌈depth / 2⌉} points is exact. Going down, each node keeps the product at every point;
 * coming up, each edge sums its leaves' products, and divides out its own factor, once.
 *
 * <p>A feature split on twice on one path is one element whose fractions multiply, as in the
 * walk: the deeper edge divides the ancestor's factor out of the product going down, and the
 * leaves under it are taken out of the ancestor's sum going up.
 */
final class QuadratureShap {
    private final ShapForest forest;
    private final int points;
    private final double[] weight;
    /**
     * Per point, node and one-fraction (at {@code 2 (q · slots + node) + o}): the factor of the
     * edge into the node and its inverse. The row's way is an index, not a branch: a branch on
     * it would be mispredicted half the time. Slot {@code nodes} is a factor of 1 for edges
     * with no edge on the same feature above.
     */
    private final double[] factor;
    private final double[] inverse;
    /** Per node: the zero-fraction of the edge into it, merged with the same feature's edges above it. */
    private final double[] mergedZero;
    /** Per node: the nearest node above it whose edge splits on the same feature, or -1; and as {@link #aboveSlot} reads it. */
    private final int[] sameFeatureAbove;
    /** Per node: that node's position in its tree, or {@link #spare} (where none is). */
    private final int[] aboveLocal;
    /** Per node: that node, or the slot of factor 1 (where none is). */
    private final int[] aboveSlot;
    /** Per node: a split's children's positions in its tree; {@link #spare} twice at a leaf. */
    private final int[] leftLocal;
    /** Per node: a leaf's value, 0 at a split. */
    private final double[] leafValue;
    /** The splits of every tree, in breadth-first order, tree {@code t}'s at {@code [splitStart[t], splitStart[t + 1])}. */
    private final int[] splits;
    private final int[] splitStart;
    /** The scratch position past every tree's nodes: it holds 1 in {@code follows} and 0 in {@code below} (as does the one after it). */
    private final int spare;
    /** Per node: the feature its parent splits on (the edge into it), and the parent. */
    private final int[] edgeFeature;
    private final int[] parent;
    /** Per tree: whether this form explains it (every factor it divides by is above zero). */
    private final boolean[] explains;
    final int widestTree;

    QuadratureShap(ShapForest forest) {
        this.forest = forest;
        this.points = Math.max(1, (forest.maxDepth + 1) / 2);
        double[] nodes = new double[points];
        this.weight = new double[points];
        GaussLegendre.onUnitInterval(points, nodes, weight);
        int size = forest.left.length;
        int slots = size + 1;
        this.factor = new double[2 * slots * points];
        this.inverse = new double[2 * slots * points];
        for (int q = 0; q < points; q++) {
            for (int o = 0; o < 2; o++) {
                factor[2 * (q * slots + size) + o] = 1.0;
                inverse[2 * (q * slots + size) + o] = 1.0;
            }
        }
        this.mergedZero = new double[size];
        this.sameFeatureAbove = new int[size];
        this.aboveLocal = new int[size];
        this.aboveSlot = new int[size];
        this.leftLocal = new int[size];
        this.leafValue = new double[size];
        this.edgeFeature = new int[size];
        this.parent = new int[size];
        this.explains = new boolean[forest.treeCount];
        Arrays.fill(sameFeatureAbove, -1);
        int widest = 0;
        int[] lastEdgeOn = new int[forest.featureCount];
        Arrays.fill(lastEdgeOn, -1);
        for (int t = 0; t < forest.treeCount; t++) {
            int root = forest.root[t];
            int end = t + 1 < forest.treeCount ? forest.root[t + 1] : size;
            widest = Math.max(widest, end - root);
            explains[t] = lay(root, lastEdgeOn, nodes);
        }
        this.widestTree = widest;
        this.spare = widest;
        this.splits = java.util.stream.IntStream.range(0, size).filter(node -> forest.left[node] >= 0).toArray();
        this.splitStart = new int[forest.treeCount + 1];
        for (int t = 0, s = 0; t < forest.treeCount; t++) {
            while (s < splits.length && splits[s] < forest.root[t]) {
                s++;
            }
            splitStart[t] = s;
        }
        splitStart[forest.treeCount] = splits.length;
        for (int t = 0; t < forest.treeCount; t++) {
            int root = forest.root[t];
            int end = t + 1 < forest.treeCount ? forest.root[t + 1] : size;
            for (int node = root; node < end; node++) {
                int above = sameFeatureAbove[node];
                aboveLocal[node] = above < 0 ? spare : above - root;
                aboveSlot[node] = above < 0 ? size : above;
                boolean leaf = forest.left[node] < 0;
                leftLocal[node] = leaf ? spare : forest.left[node] - root;
                leafValue[node] = leaf ? forest.value[node] : 0.0;
            }
        }
    }

    /** Whether tree {@code t} is explained here; where not, the walk explains it. */
    boolean explains(int t) {
        return explains[t];
    }

    /** A thread's working space for {@link #addTree}. */
    Scratch scratch() {
        int[] follows = new int[widestTree + 1];
        follows[spare] = 1;
        return new Scratch(new double[widestTree + 1], new double[widestTree + 2], new double[widestTree + 1], new double[widestTree + 1],
                follows);
    }

    /**
     * Adds tree {@code t}'s contributions for {@code row} into {@code phi} (in double, not yet
     * rounded). The row's way at each split first; then, one point at a time, the passes down
     * and up over the nodes in breadth-first order (a parent before its children), so that each
     * loop runs over the tree, not over a handful of points.
     */
    void addTree(int t, float[] row, Scratch scratch, double[] phi) {
        int root = forest.root[t];
        int end = t + 1 < forest.treeCount ? forest.root[t + 1] : forest.left.length;
        int count = end - root;
        double[] product = scratch.product;
        double[] below = scratch.below;
        double[] taken = scratch.taken;
        double[] integral = scratch.integral;
        int[] follows = scratch.follows;
        follows[0] = 1;
        for (int s = splitStart[t]; s < splitStart[t + 1]; s++) {
            int node = splits[s];
            int leftChild = forest.left[node];
            float x = row[forest.feature[node]];
            int left = (Float.isNaN(x) ? forest.defaultLeft[node] : x < forest.value[node]) ? 1 : 0;
            int l = leftChild - root;
            follows[l] = left & follows[aboveLocal[leftChild]];
            follows[l + 1] = (1 - left) & follows[aboveLocal[leftChild + 1]];
        }
        Arrays.fill(integral, 0, count, 0.0);
        int slots = forest.left.length + 1;
        for (int q = 0; q < points; q++) {
            int table = q * slots;
            product[0] = 1.0;
            for (int local = 1; local < count; local++) {
                int node = root + local;
                int above = aboveSlot[node];
                double step = factor[2 * (table + node) + follows[local]] * inverse[2 * (table + above) + follows[aboveLocal[node]]];
                product[local] = product[parent[node] - root] * step;
            }
            Arrays.fill(taken, 0, count, 0.0);
            double w = weight[q];
            for (int local = count - 1; local > 0; local--) {
                int node = root + local;
                int l = leftLocal[node];
                // At a leaf both children are the spare positions, which hold 0; at a split the value is 0.
                double sum = leafValue[node] * product[local] + below[l] + below[l + 1];
                below[local] = sum;
                integral[local] += w * (sum - taken[local]) * inverse[2 * (table + node) + follows[local]];
                // With no edge on the same feature above, into the spare position, never read.
                taken[aboveLocal[node]] += sum;
            }
        }
        for (int local = 1; local < count; local++) {
            int node = root + local;
            // o - z is 0 on an edge off the row's path that no training weight took: it gives nothing (and its inverse is 0).
            phi[edgeFeature[node]] += (follows[local] - mergedZero[node]) * integral[local];
        }
    }

    /**
     * Fills the tables of the tree at {@code root}: depth first, {@code lastEdgeOn[f]} the nearest
     * edge above on feature {@code f}. False when a factor the passes divide by would be 0, which
     * only a split's child without cover can give: the walk explains that tree.
     */
    private boolean lay(int root, int[] lastEdgeOn, double[] nodes) {
        int size = forest.left.length;
        boolean sound = true;
        int[] stack = new int[4 * (ModelLimits.DEPTH_CEILING + 2)];
        int[] restore = new int[stack.length];
        int top = 0;
        stack[top++] = root;
        // Depth first with an explicit stack; a negative entry -(c + 1) restores lastEdgeOn once c's subtree is done.
        while (top > 0) {
            int entry = stack[--top];
            if (entry < 0) {
                int child = -entry - 1;
                lastEdgeOn[edgeFeature[child]] = restore[top];
                continue;
            }
            int node = entry;
            if (node != root) {
                lastEdgeOn[edgeFeature[node]] = node;
            }
            int leftChild = forest.left[node];
            if (leftChild < 0) {
                continue;
            }
            int split = forest.feature[node];
            for (int child = leftChild + 1; child >= leftChild; child--) {
                int above = lastEdgeOn[split];
                double zero = forest.cover[child] / (double) forest.cover[node];
                double merged = above < 0 ? zero : zero * mergedZero[above];
                edgeFeature[child] = split;
                parent[child] = node;
                sameFeatureAbove[child] = above;
                mergedZero[child] = merged;
                for (int q = 0; q < points; q++) {
                    double t = nodes[q];
                    int at = 2 * (q * (size + 1) + child);
                    factor[at] = merged * (1.0 - t);
                    factor[at + 1] = merged + t * (1.0 - merged);
                    inverse[at] = merged == 0.0 ? 0.0 : 1.0 / factor[at];
                    inverse[at + 1] = 1.0 / factor[at + 1];
                }
                if (forest.left[child] >= 0 && !(merged > 0.0 && Double.isFinite(1.0 / merged))) {
                    sound = false;
                }
                // The child's subtree sees lastEdgeOn[split] = child; the marker below it puts back what was there.
                restore[top] = above;
                stack[top++] = -child - 1;
                stack[top++] = child;
            }
        }
        return sound;
    }

    /**
     * One thread's arrays, per node of a tree: at the point being summed, the product going down,
     * the leaves' sum coming up and what deeper edges on the same feature took from it; over all
     * points, the edge's integral; and whether the row follows the edge.
     */
    record Scratch(double[] product, double[] below, double[] taken, double[] integral, int[] follows) {
    }
}
