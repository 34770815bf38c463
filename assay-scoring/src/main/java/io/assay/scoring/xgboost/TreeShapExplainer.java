package io.assay.scoring.xgboost;

import io.assay.core.error.AssayException;
import io.assay.scoring.Explainer;

import java.util.Arrays;

/**
 * Contributions of a {@link TreeEnsemble}: path-dependent TreeSHAP, the values XGBoost's
 * {@code predictContrib} gives. Each tree's are computed in double and, as XGBoost does, rounded
 * to float32 and added in tree order in float32: summing 300 trees in float32 moves a value by
 * up to a few 1e-6, so summing otherwise would differ from XGBoost by that much. The bias is
 * XGBoost's last column, the base margin plus every tree's expected value, as XGBoost computes it.
 *
 * <p>Each tree is explained by {@link QuadratureShap}, linear in its size, or, when it has a split
 * child without cover (the one case that form cannot divide by), by {@link TreeShapWalk}.
 */
final class TreeShapExplainer implements Explainer {
    private final ShapForest forest;
    private final QuadratureShap quadrature;
    private final boolean walkOnly;
    private final ThreadLocal<Scratch> scratch;

    TreeShapExplainer(ShapForest forest) {
        this(forest, false);
    }

    /** With {@code walkOnly}, every tree by the walk: tests hold the two ways to the same values. */
    TreeShapExplainer(ShapForest forest, boolean walkOnly) {
        this.forest = forest;
        this.quadrature = new QuadratureShap(forest);
        this.walkOnly = walkOnly;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(new TreeShapWalk(forest), quadrature.scratch(),
                new float[forest.featureCount], new double[forest.featureCount]));
    }

    @Override
    public int featureCount() {
        return forest.featureCount;
    }

    @Override
    public void contributions(float[] row, double[] out) {
        int features = forest.featureCount;
        if (row.length != features) {
            throw AssayException.invalid("row has " + row.length + " values but the model has " + features + " features");
        }
        if (out.length != features + 1) {
            throw AssayException.invalid("out holds " + out.length + " values; contributions of " + features
                    + " features and the bias need " + (features + 1));
        }
        Scratch mine = scratch.get();
        float[] phi = mine.phi();
        Arrays.fill(phi, 0.0f);
        double[] treePhi = mine.treePhi();
        for (int t = 0; t < forest.treeCount; t++) {
            if (walkOnly || !quadrature.explains(t)) {
                mine.walk().addTree(t, row, phi);
                continue;
            }
            quadrature.addTree(t, row, mine.sums(), treePhi);
            for (int f : forest.treeFeatures[t]) {
                phi[f] += (float) treePhi[f];
                treePhi[f] = 0.0;
            }
        }
        for (int f = 0; f < features; f++) {
            out[f] = phi[f];
        }
        out[features] = forest.bias;
    }

    private record Scratch(TreeShapWalk walk, QuadratureShap.Scratch sums, float[] phi, double[] treePhi) {
    }
}
