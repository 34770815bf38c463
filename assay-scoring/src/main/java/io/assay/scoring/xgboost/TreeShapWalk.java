package io.assay.scoring.xgboost;

/**
 * Path-dependent TreeSHAP (Lundberg, Erion and Lee, "Consistent individualized feature
 * attribution for tree ensembles", 2018, Algorithm 2) over one tree, for one thread: XGBoost's
 * {@code TreeShap} (src/predictor/cpu_treeshap.cc), computed in double. XGBoost 3.4 computes the
 * same values another way (an 8-point QuadratureTreeSHAP, in float32); the two agree to float
 * rounding.
 *
 * <p>A walk follows both children of every split: the "hot" one the row takes (for a missing
 * value, the split's default child, as when scoring) and the "cold" one, each weighted by the
 * share of the training cover that went its way. The path of features met so far lives in four
 * parallel arrays, one segment per depth; a child copies its parent's segment into the next, so
 * returning from a child needs no undo.
 *
 * <p>Two facts of the algorithm spare its divisions. A path element's one-fraction is 1 or 0
 * (a path either follows the row through that feature or does not), so dividing by it is
 * skipping it; and the permutation factors {@code (i + 1) / (d + 1)} and their kin depend on
 * depths alone, so they come from tables. At a leaf, every element off the row's path shares one
 * sum, computed once.
 */
final class TreeShapWalk {
    private final ShapForest forest;
    private final int stride;
    /**
     * {@code (i + 1) / (d + 1)}, {@code (d - i) / (d + 1)}, their inverses, and {@code (d - i) / (i + 1)},
     * at {@code d * stride + i}.
     */
    private final double[] up;
    private final double[] down;
    private final double[] upInverse;
    private final double[] downInverse;
    private final double[] downOverUp;
    private final int[] pathFeature;
    private final double[] pathZero;
    private final boolean[] pathOne;
    private final double[] pathWeight;
    /** The contributions of the tree being walked. */
    private final double[] treePhi;
    private float[] row;

    TreeShapWalk(ShapForest forest) {
        this.forest = forest;
        // A path holds the dummy root element and one element per distinct feature: at most maxDepth + 1.
        this.stride = forest.maxDepth + 2;
        this.up = new double[stride * stride];
        this.down = new double[stride * stride];
        this.upInverse = new double[stride * stride];
        this.downInverse = new double[stride * stride];
        this.downOverUp = new double[stride * stride];
        for (int d = 0; d < stride; d++) {
            for (int i = 0; i < d; i++) {
                up[d * stride + i] = (i + 1) / (double) (d + 1);
                down[d * stride + i] = (d - i) / (double) (d + 1);
                upInverse[d * stride + i] = (d + 1) / (double) (i + 1);
                downInverse[d * stride + i] = (d + 1) / (double) (d - i);
                downOverUp[d * stride + i] = (d - i) / (double) (i + 1);
            }
        }
        // The root's path starts at 1 (after its empty parent's), a child's after its parent's: as XGBoost sizes unique_path_data.
        int size = stride * (stride + 1) / 2;
        this.pathFeature = new int[size];
        this.pathZero = new double[size];
        this.pathOne = new boolean[size];
        this.pathWeight = new double[size];
        this.treePhi = new double[forest.featureCount];
    }

    /** Adds tree {@code t}'s contributions for {@code values} into {@code phi}, each rounded to float32 first. */
    void addTree(int t, float[] values, float[] phi) {
        int root = forest.root[t];
        if (forest.left[root] < 0) {
            // A single leaf: nothing to attribute, and its value is already in the bias.
            return;
        }
        this.row = values;
        walk(root, 0, 0, 1.0, true, -1);
        this.row = null;
        for (int f : forest.treeFeatures[t]) {
            phi[f] += (float) treePhi[f];
            treePhi[f] = 0.0;
        }
    }

    private void walk(int node, int depth, int parentAt, double parentZero, boolean parentOne, int parentFeature) {
        int at = parentAt + depth + 1;
        extend(parentAt, at, depth, parentZero, parentOne, parentFeature);
        int leftChild = forest.left[node];
        if (leftChild < 0) {
            leaf(at, depth, forest.value[node]);
            return;
        }
        int split = forest.feature[node];
        float x = row[split];
        boolean goesLeft = Float.isNaN(x) ? forest.defaultLeft[node] : x < forest.value[node];
        int hot = goesLeft ? leftChild : leftChild + 1;
        int cold = goesLeft ? leftChild + 1 : leftChild;
        double cover = forest.cover[node];
        double hotZero = forest.cover[hot] / cover;
        double coldZero = forest.cover[cold] / cover;
        double incomingZero = 1.0;
        boolean incomingOne = true;
        int pathIndex = 0;
        while (pathIndex <= depth && pathFeature[at + pathIndex] != split) {
            pathIndex++;
        }
        // The feature was split on higher up: that split leaves the path, and its fractions carry into this one.
        if (pathIndex <= depth) {
            incomingZero = pathZero[at + pathIndex];
            incomingOne = pathOne[at + pathIndex];
            unwind(at, depth, pathIndex);
            depth--;
        }
        walk(hot, depth + 1, at, hotZero * incomingZero, incomingOne, split);
        walk(cold, depth + 1, at, coldZero * incomingZero, false, split);
    }

    /**
     * Each feature on the path gets its share of the leaf: {@code w · (one − zero) · value}, with
     * {@code w} the path's permutation weight without that feature (UnwoundPathSum). For a feature
     * off the row's path, {@code w · (0 − zero)} is minus a sum all of them share, worked out once.
     */
    private void leaf(int at, int depth, double value) {
        double offPath = Double.NaN;
        for (int e = 1; e <= depth; e++) {
            double zero = pathZero[at + e];
            if (pathOne[at + e]) {
                treePhi[pathFeature[at + e]] += unwoundSum(at, depth, zero) * (1.0 - zero) * value;
                continue;
            }
            // A zero-fraction of 0 is a branch no training weight took: it carries no weight (XGBoost checks it is 0).
            if (zero != 0.0) {
                if (Double.isNaN(offPath)) {
                    offPath = offPathSum(at, depth);
                }
                treePhi[pathFeature[at + e]] -= offPath * value;
            }
        }
    }

    /**
     * ExtendPath: the parent's path at {@code from} ({@code depth} elements) copied to {@code at}
     * and grown by one element, its permutation weights updated, in one pass. XGBoost copies, then
     * updates in place; each new weight here is the same sum of products, of the parent's weights.
     */
    private void extend(int from, int at, int depth, double zero, boolean one, int feature) {
        pathFeature[at + depth] = feature;
        pathZero[at + depth] = zero;
        pathOne[at + depth] = one;
        if (depth == 0) {
            pathWeight[at] = 1.0;
            return;
        }
        int table = depth * stride;
        // What the element above this one holds once the element below it adds its share.
        double above = 0.0;
        for (int i = depth - 1; i >= 0; i--) {
            pathFeature[at + i] = pathFeature[from + i];
            pathZero[at + i] = pathZero[from + i];
            pathOne[at + i] = pathOne[from + i];
            double old = pathWeight[from + i];
            pathWeight[at + i + 1] = one ? above + old * up[table + i] : above;
            above = zero * old * down[table + i];
        }
        pathWeight[at] = above;
    }

    /** UnwindPath: takes element {@code pathIndex} off the path, undoing its extension. */
    private void unwind(int at, int depth, int pathIndex) {
        boolean one = pathOne[at + pathIndex];
        double zero = pathZero[at + pathIndex];
        int table = depth * stride;
        double nextOnePortion = pathWeight[at + depth];
        for (int i = depth - 1; i >= 0; i--) {
            if (one) {
                double tmp = pathWeight[at + i];
                pathWeight[at + i] = nextOnePortion * upInverse[table + i];
                nextOnePortion = tmp - pathWeight[at + i] * zero * down[table + i];
            } else {
                pathWeight[at + i] = pathWeight[at + i] * downInverse[table + i] / zero;
            }
        }
        for (int i = pathIndex; i < depth; i++) {
            pathFeature[at + i] = pathFeature[at + i + 1];
            pathZero[at + i] = pathZero[at + i + 1];
            pathOne[at + i] = pathOne[at + i + 1];
        }
    }

    /**
     * UnwoundPathSum for an element on the row's path (one-fraction 1) with this zero-fraction.
     * XGBoost's {@code next - tmp · zero · (d - i) / (d + 1)} is {@code next · (zero · (d - i) / (i + 1))}
     * taken from it, so the step that waits on the last is one product and one difference.
     */
    private double unwoundSum(int at, int depth, double zero) {
        int table = depth * stride;
        double nextOnePortion = pathWeight[at + depth];
        double total = 0.0;
        for (int i = depth - 1; i >= 0; i--) {
            total += nextOnePortion * upInverse[table + i];
            nextOnePortion = pathWeight[at + i] - nextOnePortion * (zero * downOverUp[table + i]);
        }
        return total;
    }

    /** UnwoundPathSum for an element off the row's path, times its zero-fraction: the same for every such element. */
    private double offPathSum(int at, int depth) {
        int table = depth * stride;
        double total = 0.0;
        for (int i = depth - 1; i >= 0; i--) {
            total += pathWeight[at + i] * downInverse[table + i];
        }
        return total;
    }
}
