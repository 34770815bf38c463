package io.assay.scoring.xgboost;

/**
 * The evaluation loops over a {@link CompiledForest}. Every row's margin is XGBoost's: the base
 * margin, plus each tree's leaf in tree order, added in float32 (as {@code PredValueByOneTree}
 * adds into its float output in src/predictor/cpu_predictor.cc), so the result matches it bit
 * for bit. Only the order in which rows visit trees differs between the paths, never the order
 * in which one row's leaves are added.
 */
final class ForestWalk {
    /**
     * Rows scored together, tree by tree: the block's rows (64 x 50 features x 4 bytes = 12.8 KB)
     * stay in the L1 cache while each tree's nodes are read once for all of them.
     */
    static final int BLOCK_ROWS = 64;

    private ForestWalk() {}

    static float margin(CompiledForest forest, float[] row, int offset) {
        int[] depth = forest.depth;
        int[] splitBase = forest.splitBase;
        int[] leafBase = forest.leafBase;
        int[] word = forest.splitWord;
        float[] threshold = forest.threshold;
        float[] leaf = forest.leaf;
        float sum = forest.baseMargin;
        for (int t = 0, trees = forest.treeCount; t < trees; t++) {
            int d = depth[t];
            if (d > CompiledForest.PERFECT_DEPTH) {
                sum += linkedLeaf(forest, splitBase[t], row, offset);
                continue;
            }
            int base = splitBase[t];
            int i = 1;
            for (int level = 0; level < d; level++) {
                int w = word[base + i];
                i = (i << 1) | CompiledForest.goesRight(w, row[offset + (w & CompiledForest.FEATURE_MASK)], threshold[base + i]);
            }
            sum += leaf[leafBase[t] + i];
        }
        return sum;
    }

    /** Rows {@code [0, rowCount)} of {@code rows}, block by block, each block tree by tree. */
    static void margins(CompiledForest forest, int featureCount, float[] rows, int rowCount, float[] out) {
        for (int start = 0; start < rowCount; start += BLOCK_ROWS) {
            int end = Math.min(rowCount, start + BLOCK_ROWS);
            for (int r = start; r < end; r++) {
                out[r] = forest.baseMargin;
            }
            for (int t = 0, trees = forest.treeCount; t < trees; t++) {
                if (forest.depth[t] > CompiledForest.PERFECT_DEPTH) {
                    for (int r = start; r < end; r++) {
                        out[r] += linkedLeaf(forest, forest.splitBase[t], rows, r * featureCount);
                    }
                } else {
                    perfectBlock(forest, t, featureCount, rows, start, end, out);
                }
            }
        }
    }

    /**
     * One perfect tree for rows {@code [start, end)}, four rows walked side by side: their steps
     * are independent, so the CPU overlaps their loads instead of waiting on one row's chain.
     */
    private static void perfectBlock(CompiledForest forest, int t, int featureCount, float[] rows, int start, int end, float[] out) {
        int[] word = forest.splitWord;
        float[] threshold = forest.threshold;
        int d = forest.depth[t];
        int base = forest.splitBase[t];
        int leafAt = forest.leafBase[t];
        float[] leaf = forest.leaf;
        int r = start;
        for (; r + 4 <= end; r += 4) {
            int o0 = r * featureCount;
            int o1 = o0 + featureCount;
            int o2 = o1 + featureCount;
            int o3 = o2 + featureCount;
            int i0 = 1;
            int i1 = 1;
            int i2 = 1;
            int i3 = 1;
            for (int level = 0; level < d; level++) {
                int w0 = word[base + i0];
                int w1 = word[base + i1];
                int w2 = word[base + i2];
                int w3 = word[base + i3];
                float v0 = rows[o0 + (w0 & CompiledForest.FEATURE_MASK)];
                float v1 = rows[o1 + (w1 & CompiledForest.FEATURE_MASK)];
                float v2 = rows[o2 + (w2 & CompiledForest.FEATURE_MASK)];
                float v3 = rows[o3 + (w3 & CompiledForest.FEATURE_MASK)];
                i0 = (i0 << 1) | CompiledForest.goesRight(w0, v0, threshold[base + i0]);
                i1 = (i1 << 1) | CompiledForest.goesRight(w1, v1, threshold[base + i1]);
                i2 = (i2 << 1) | CompiledForest.goesRight(w2, v2, threshold[base + i2]);
                i3 = (i3 << 1) | CompiledForest.goesRight(w3, v3, threshold[base + i3]);
            }
            out[r] += leaf[leafAt + i0];
            out[r + 1] += leaf[leafAt + i1];
            out[r + 2] += leaf[leafAt + i2];
            out[r + 3] += leaf[leafAt + i3];
        }
        for (; r < end; r++) {
            int offset = r * featureCount;
            int i = 1;
            for (int level = 0; level < d; level++) {
                int w = word[base + i];
                i = (i << 1) | CompiledForest.goesRight(w, rows[offset + (w & CompiledForest.FEATURE_MASK)], threshold[base + i]);
            }
            out[r] += leaf[leafAt + i];
        }
    }

    private static float linkedLeaf(CompiledForest forest, int root, float[] row, int offset) {
        int[] word = forest.linkedWord;
        float[] value = forest.linkedValue;
        int[] left = forest.linkedLeft;
        int i = root;
        for (int child = left[i]; child >= 0; child = left[i]) {
            int w = word[i];
            i = child + CompiledForest.goesRight(w, row[offset + (w & CompiledForest.FEATURE_MASK)], value[i]);
        }
        return value[i];
    }
}
