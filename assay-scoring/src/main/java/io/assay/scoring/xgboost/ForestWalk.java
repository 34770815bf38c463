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
     * Rows scored together, tree by tree: the block's prepared rows (64 x 2 x 50 features x 4
     * bytes = 25.6 KB) stay in the L1 cache while each tree's nodes are read for all of them.
     */
    static final int BLOCK_ROWS = 64;

    private ForestWalk() {}

    /** A per-thread buffer for prepared rows, so scoring allocates nothing. */
    static ThreadLocal<int[]> scratch(int featureCount) {
        return ThreadLocal.withInitial(() -> new int[BLOCK_ROWS * 2 * featureCount]);
    }

    /** One row, {@link CompiledForest#GROUP} trees at a time (one row alone has no other independent walks to overlap). */
    static float margin(CompiledForest forest, float[] row, int[] prepared) {
        CompiledForest.prepare(row, 0, forest.featureCount, prepared, 0);
        int[] depth = forest.depth;
        int[] splitBase = forest.splitBase;
        int[] leafBase = forest.leafBase;
        long[] split = forest.split;
        float[] leaf = forest.leaf;
        boolean[] groupStart = forest.groupStart;
        float sum = forest.baseMargin;
        for (int t = 0, trees = forest.treeCount; t < trees; ) {
            int d = depth[t];
            if (groupStart[t]) {
                // Eight trees walked side by side, their leaves then added in tree order.
                int b0 = splitBase[t];
                int b1 = splitBase[t + 1];
                int b2 = splitBase[t + 2];
                int b3 = splitBase[t + 3];
                int b4 = splitBase[t + 4];
                int b5 = splitBase[t + 5];
                int b6 = splitBase[t + 6];
                int b7 = splitBase[t + 7];
                int i0 = 1;
                int i1 = 1;
                int i2 = 1;
                int i3 = 1;
                int i4 = 1;
                int i5 = 1;
                int i6 = 1;
                int i7 = 1;
                for (int level = 0; level < d; level++) {
                    long s0 = split[b0 + i0];
                    long s1 = split[b1 + i1];
                    long s2 = split[b2 + i2];
                    long s3 = split[b3 + i3];
                    long s4 = split[b4 + i4];
                    long s5 = split[b5 + i5];
                    long s6 = split[b6 + i6];
                    long s7 = split[b7 + i7];
                    i0 = (i0 << 1) | CompiledForest.goesRight(prepared[CompiledForest.slot(s0)], s0);
                    i1 = (i1 << 1) | CompiledForest.goesRight(prepared[CompiledForest.slot(s1)], s1);
                    i2 = (i2 << 1) | CompiledForest.goesRight(prepared[CompiledForest.slot(s2)], s2);
                    i3 = (i3 << 1) | CompiledForest.goesRight(prepared[CompiledForest.slot(s3)], s3);
                    i4 = (i4 << 1) | CompiledForest.goesRight(prepared[CompiledForest.slot(s4)], s4);
                    i5 = (i5 << 1) | CompiledForest.goesRight(prepared[CompiledForest.slot(s5)], s5);
                    i6 = (i6 << 1) | CompiledForest.goesRight(prepared[CompiledForest.slot(s6)], s6);
                    i7 = (i7 << 1) | CompiledForest.goesRight(prepared[CompiledForest.slot(s7)], s7);
                }
                sum += leaf[leafBase[t] + i0];
                sum += leaf[leafBase[t + 1] + i1];
                sum += leaf[leafBase[t + 2] + i2];
                sum += leaf[leafBase[t + 3] + i3];
                sum += leaf[leafBase[t + 4] + i4];
                sum += leaf[leafBase[t + 5] + i5];
                sum += leaf[leafBase[t + 6] + i6];
                sum += leaf[leafBase[t + 7] + i7];
                t += CompiledForest.GROUP;
                continue;
            }
            if (d > CompiledForest.PERFECT_DEPTH) {
                sum += linkedLeaf(forest, splitBase[t], prepared, 0);
            } else {
                int base = splitBase[t];
                int i = 1;
                for (int level = 0; level < d; level++) {
                    long s = split[base + i];
                    i = (i << 1) | CompiledForest.goesRight(prepared[CompiledForest.slot(s)], s);
                }
                sum += leaf[leafBase[t] + i];
            }
            t++;
        }
        return sum;
    }

    /** Rows {@code [0, rowCount)} of {@code rows}, block by block, each block tree by tree. */
    static void margins(CompiledForest forest, float[] rows, int rowCount, float[] out, int[] prepared) {
        int features = forest.featureCount;
        int stride = 2 * features;
        for (int start = 0; start < rowCount; start += BLOCK_ROWS) {
            int count = Math.min(rowCount - start, BLOCK_ROWS);
            for (int r = 0; r < count; r++) {
                CompiledForest.prepare(rows, (start + r) * features, features, prepared, r * stride);
                out[start + r] = forest.baseMargin;
            }
            for (int t = 0, trees = forest.treeCount; t < trees; t++) {
                if (forest.depth[t] > CompiledForest.PERFECT_DEPTH) {
                    for (int r = 0; r < count; r++) {
                        out[start + r] += linkedLeaf(forest, forest.splitBase[t], prepared, r * stride);
                    }
                } else {
                    perfectBlock(forest, t, prepared, stride, count, out, start);
                }
            }
        }
    }

    /**
     * One perfect tree for a block's {@code count} prepared rows, eight walked side by side: their
     * steps are independent, so the CPU overlaps their loads instead of waiting on one chain
     * (four side by side measured 1.4x XGBoost4J's batch predict, eight 1.8x, sixteen no more).
     */
    private static void perfectBlock(CompiledForest forest, int t, int[] prepared, int stride, int count, float[] out, int outAt) {
        long[] split = forest.split;
        float[] leaf = forest.leaf;
        int d = forest.depth[t];
        int base = forest.splitBase[t];
        int leafAt = forest.leafBase[t];
        int r = 0;
        for (; r + 8 <= count; r += 8) {
            int o0 = r * stride;
            int o1 = o0 + stride;
            int o2 = o1 + stride;
            int o3 = o2 + stride;
            int o4 = o3 + stride;
            int o5 = o4 + stride;
            int o6 = o5 + stride;
            int o7 = o6 + stride;
            int i0 = 1;
            int i1 = 1;
            int i2 = 1;
            int i3 = 1;
            int i4 = 1;
            int i5 = 1;
            int i6 = 1;
            int i7 = 1;
            for (int level = 0; level < d; level++) {
                long s0 = split[base + i0];
                long s1 = split[base + i1];
                long s2 = split[base + i2];
                long s3 = split[base + i3];
                long s4 = split[base + i4];
                long s5 = split[base + i5];
                long s6 = split[base + i6];
                long s7 = split[base + i7];
                i0 = (i0 << 1) | CompiledForest.goesRight(prepared[o0 + CompiledForest.slot(s0)], s0);
                i1 = (i1 << 1) | CompiledForest.goesRight(prepared[o1 + CompiledForest.slot(s1)], s1);
                i2 = (i2 << 1) | CompiledForest.goesRight(prepared[o2 + CompiledForest.slot(s2)], s2);
                i3 = (i3 << 1) | CompiledForest.goesRight(prepared[o3 + CompiledForest.slot(s3)], s3);
                i4 = (i4 << 1) | CompiledForest.goesRight(prepared[o4 + CompiledForest.slot(s4)], s4);
                i5 = (i5 << 1) | CompiledForest.goesRight(prepared[o5 + CompiledForest.slot(s5)], s5);
                i6 = (i6 << 1) | CompiledForest.goesRight(prepared[o6 + CompiledForest.slot(s6)], s6);
                i7 = (i7 << 1) | CompiledForest.goesRight(prepared[o7 + CompiledForest.slot(s7)], s7);
            }
            out[outAt + r + 0] += leaf[leafAt + i0];
            out[outAt + r + 1] += leaf[leafAt + i1];
            out[outAt + r + 2] += leaf[leafAt + i2];
            out[outAt + r + 3] += leaf[leafAt + i3];
            out[outAt + r + 4] += leaf[leafAt + i4];
            out[outAt + r + 5] += leaf[leafAt + i5];
            out[outAt + r + 6] += leaf[leafAt + i6];
            out[outAt + r + 7] += leaf[leafAt + i7];
        }
        for (; r < count; r++) {
            int offset = r * stride;
            int i = 1;
            for (int level = 0; level < d; level++) {
                long s = split[base + i];
                i = (i << 1) | CompiledForest.goesRight(prepared[offset + CompiledForest.slot(s)], s);
            }
            out[outAt + r] += leaf[leafAt + i];
        }
    }

    private static float linkedLeaf(CompiledForest forest, int root, int[] prepared, int offset) {
        long[] split = forest.linkedSplit;
        int[] left = forest.linkedLeft;
        int i = root;
        for (int child = left[i]; child >= 0; child = left[i]) {
            long s = split[i];
            i = child + CompiledForest.goesRight(prepared[offset + CompiledForest.slot(s)], s);
        }
        return forest.linkedLeaf[i];
    }
}
