package io.assay.scoring.xgboost;

import io.assay.core.error.AssayException;
import io.assay.scoring.Explainer;
import io.assay.scoring.Scorer;

import java.util.List;

/**
 * A compiled XGBoost gbtree model with one logistic output, read by {@link XGBoostJson}. Its
 * margins equal XGBoost's {@code predict(..., outputMargin = true)} bit for bit, on the one-row
 * and the batch path alike. Immutable and thread-safe; scoring allocates nothing (each thread
 * prepares rows in a buffer of its own, made on its first call).
 */
public final class TreeEnsemble implements Scorer {
    private final XGBoostVersion version;
    private final Objective objective;
    private final float baseScore;
    private final int featureCount;
    private final List<String> featureNames;
    private final int maxDepth;
    private final long nodeCount;
    private final CompiledForest forest;
    private final ThreadLocal<int[]> prepared;
    /** Null when the file's trees cannot be explained; {@link #unexplainable} says why. */
    private final Explainer explainer;
    private final String unexplainable;

    TreeEnsemble(CheckedModel model) {
        this.version = model.version();
        this.objective = model.objective();
        this.baseScore = model.baseScore();
        this.featureCount = model.featureCount();
        this.featureNames = model.featureNames();
        int deepest = 0;
        for (int depth : model.depths()) {
            deepest = Math.max(deepest, depth);
        }
        this.maxDepth = deepest;
        this.nodeCount = model.trees().stream().mapToLong(ParsedTree::nodeCount).sum();
        this.forest = new CompiledForest(model.trees(), model.depths(), featureCount, model.baseMargin());
        this.prepared = ForestWalk.scratch(featureCount);
        // A model whose covers cannot be explained from still scores: only explaining is refused.
        this.unexplainable = ShapForest.refusal(model.trees()).orElse(null);
        this.explainer = unexplainable == null ? new TreeShapExplainer(new ShapForest(model)) : null;
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    public int treeCount() {
        return forest.treeCount;
    }

    /** Edges from a root to the deepest leaf of any tree (0 when every tree is one leaf). */
    public int maxDepth() {
        return maxDepth;
    }

    /** Nodes as the file holds them, over all trees. */
    public long nodeCount() {
        return nodeCount;
    }

    /** The {@code base_score} the model records: a probability. */
    public float baseScore() {
        return baseScore;
    }

    /** What every margin starts from: the logit of {@link #baseScore()}, as XGBoost computes it in float32. */
    public float baseMargin() {
        return forest.baseMargin;
    }

    public Objective objective() {
        return objective;
    }

    /** The XGBoost release that wrote the model: releases grow different trees, so it is part of the model's identity. */
    public XGBoostVersion xgboostVersion() {
        return version;
    }

    /** The feature names the model was trained with, in row order; empty when it was trained without names. */
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public float margin(float[] row) {
        if (row.length != featureCount) {
            throw AssayException.invalid("row has " + row.length + " values but the model has " + featureCount + " features");
        }
        return ForestWalk.margin(forest, row, prepared.get());
    }

    @Override
    public void margins(float[] rows, int rowCount, float[] out) {
        if (rowCount < 0) {
            throw AssayException.invalid("rowCount is negative: " + rowCount);
        }
        long values = (long) rowCount * featureCount;
        if (rows.length < values) {
            throw AssayException.invalid(rowCount + " rows of " + featureCount + " features need " + values + " values but rows holds "
                    + rows.length);
        }
        if (out.length < rowCount) {
            throw AssayException.invalid("out holds " + out.length + " margins, fewer than the " + rowCount + " rows");
        }
        ForestWalk.margins(forest, rows, rowCount, out, prepared.get());
    }

    /**
     * The model's per-feature contributions: XGBoost's {@code predictContrib} (path-dependent
     * TreeSHAP; a missing value follows its split's default branch), within float rounding of it,
     * and its last column as the bias. Thread-safe; the same explainer on every call.
     *
     * @throws AssayException INVALID_ARGUMENT when the file lacks usable node covers ({@code sum_hessian})
     */
    public Explainer explainer() {
        if (explainer == null) {
            throw AssayException.invalid("this XGBoost model cannot be explained: " + unexplainable);
        }
        return explainer;
    }

    @Override
    public String toString() {
        return "TreeEnsemble[" + objective.jsonName() + ", " + treeCount() + " trees, depth " + maxDepth + ", " + featureCount
                + " features, XGBoost " + version + "]";
    }
}
