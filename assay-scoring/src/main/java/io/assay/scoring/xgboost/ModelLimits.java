package io.assay.scoring.xgboost;

import io.assay.core.error.AssayException;

/**
 * How big a model file may be before it is refused unread. A model is untrusted input (it can
 * arrive by upload), so every dimension that costs memory or time is bounded before it is spent.
 *
 * @param maxBytes the size of the file itself
 * @param maxTrees trees in the ensemble
 * @param maxDepth edges from a tree's root to its deepest leaf
 * @param maxNodes nodes over all trees together
 */
public record ModelLimits(long maxBytes, int maxTrees, int maxDepth, long maxNodes) {
    /** The depth no tree may exceed whatever the limits say: the evaluators' layouts assume it. */
    public static final int DEPTH_CEILING = 64;

    public static final ModelLimits DEFAULTS = new ModelLimits(100L * 1024 * 1024, 5_000, 16, 10_000_000L);

    public ModelLimits {
        if (maxBytes < 1) {
            throw AssayException.invalid("model limits: maxBytes must be positive, was " + maxBytes);
        }
        if (maxBytes > Integer.MAX_VALUE) {
            throw AssayException.invalid("model limits: maxBytes over 2 GiB (" + maxBytes + ") cannot be held in one array");
        }
        if (maxTrees < 1) {
            throw AssayException.invalid("model limits: maxTrees must be positive, was " + maxTrees);
        }
        if (maxDepth < 0 || maxDepth > DEPTH_CEILING) {
            throw AssayException.invalid("model limits: maxDepth must be in 0.." + DEPTH_CEILING + ", was " + maxDepth);
        }
        if (maxNodes < 1 || maxNodes > Integer.MAX_VALUE) {
            throw AssayException.invalid("model limits: maxNodes must be in 1.." + Integer.MAX_VALUE + ", was " + maxNodes);
        }
    }

    public ModelLimits withMaxBytes(long bytes) {
        return new ModelLimits(bytes, maxTrees, maxDepth, maxNodes);
    }

    public ModelLimits withMaxTrees(int trees) {
        return new ModelLimits(maxBytes, trees, maxDepth, maxNodes);
    }

    public ModelLimits withMaxDepth(int depth) {
        return new ModelLimits(maxBytes, maxTrees, depth, maxNodes);
    }

    public ModelLimits withMaxNodes(long nodes) {
        return new ModelLimits(maxBytes, maxTrees, maxDepth, nodes);
    }
}
