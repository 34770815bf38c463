package io.assay.scoring.xgboost;

import io.assay.core.error.AssayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelLimitsTest {
    @Test
    void the_defaults_allow_100_mb_5000_trees_depth_16_and_10_million_nodes() {
        assertThat(ModelLimits.DEFAULTS).isEqualTo(new ModelLimits(100L * 1024 * 1024, 5_000, 16, 10_000_000L));
    }

    @Test
    void each_limit_changes_alone() {
        ModelLimits limits = ModelLimits.DEFAULTS.withMaxBytes(1).withMaxTrees(2).withMaxDepth(3).withMaxNodes(4);

        assertThat(limits).isEqualTo(new ModelLimits(1, 2, 3, 4));
    }

    @Test
    void refuses_limits_that_make_no_sense() {
        assertThatThrownBy(() -> ModelLimits.DEFAULTS.withMaxBytes(0)).isInstanceOf(AssayException.class).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> ModelLimits.DEFAULTS.withMaxTrees(0)).hasMessageContaining("maxTrees must be positive");
        assertThatThrownBy(() -> ModelLimits.DEFAULTS.withMaxDepth(65)).hasMessageContaining("maxDepth must be in 0..64");
        assertThatThrownBy(() -> ModelLimits.DEFAULTS.withMaxNodes(0)).hasMessageContaining("maxNodes");
    }
}
