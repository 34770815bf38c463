package io.assay.scoring.xgboost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tiny hand-written model: what it reports, and margins worked out by hand from XGBoost's rules. */
class XGBoostJsonTest {
    private static final float NAN = Float.NaN;
    private final TreeEnsemble tiny = XGBoostJson.read(Fixtures.bytes("tiny-model.json"));

    @Test
    void reports_its_shape_objective_version_and_feature_names() {
        assertThat(tiny.featureCount()).isEqualTo(3);
        assertThat(tiny.treeCount()).isEqualTo(2);
        assertThat(tiny.maxDepth()).isEqualTo(2);
        assertThat(tiny.nodeCount()).isEqualTo(6);
        assertThat(tiny.baseScore()).isEqualTo(0.5f);
        // -logf(1.0f / 0.5f - 1.0f) is -0.0f in XGBoost too; the sign never shows in a sum.
        assertThat(tiny.baseMargin()).isEqualTo(-0.0f);
        assertThat(tiny.objective()).isEqualTo(Objective.BINARY_LOGISTIC);
        assertThat(tiny.xgboostVersion()).hasToString("3.4.0");
        assertThat(tiny.featureNames()).containsExactly("age", "balance", "tenure");
    }

    @Test
    void a_value_below_the_condition_goes_left_and_a_tie_goes_right() {
        assertThat(tiny.margin(new float[] {0.4f, 1.0f, 9f})).isEqualTo(0.1f + 0.05f);
        assertThat(tiny.margin(new float[] {0.5f, 1.0f, 9f})).isEqualTo(0.3f + 0.05f);
        assertThat(tiny.margin(new float[] {0.4f, 2.0f, 9f})).isEqualTo(-0.2f + 0.05f);
    }

    @Test
    void minus_zero_ties_with_a_zero_condition_and_goes_right() {
        ObjectNode model = Fixtures.tiny();
        Fixtures.array(Fixtures.tree(model, 0), "split_conditions").set(0, 0.0);
        TreeEnsemble zero = XGBoostJson.read(Fixtures.write(model));

        assertThat(zero.margin(new float[] {-0.0f, 1.0f, 0f})).isEqualTo(0.3f + 0.05f);
        assertThat(zero.margin(new float[] {0.0f, 1.0f, 0f})).isEqualTo(0.3f + 0.05f);
        assertThat(zero.margin(new float[] {-Float.MIN_VALUE, 1.0f, 0f})).isEqualTo(0.1f + 0.05f);
        assertThat(zero.margin(new float[] {Float.NEGATIVE_INFINITY, 1.0f, 0f})).isEqualTo(0.1f + 0.05f);
        assertThat(zero.margin(new float[] {Float.POSITIVE_INFINITY, 1.0f, 0f})).isEqualTo(0.3f + 0.05f);
    }

    @Test
    void a_missing_value_takes_the_default_branch_of_each_split() {
        // The root sends missing left; its left child sends missing right.
        assertThat(tiny.margin(new float[] {NAN, 3.0f, 0f})).isEqualTo(-0.2f + 0.05f);
        assertThat(tiny.margin(new float[] {0.1f, NAN, 0f})).isEqualTo(-0.2f + 0.05f);
        assertThat(tiny.margin(new float[] {NAN, 1.0f, NAN})).isEqualTo(0.1f + 0.05f);
    }

    @Test
    void the_batch_path_gives_the_one_row_margins() {
        float[] rows = {0.4f, 1.0f, 9f, 0.5f, 1.0f, 9f, NAN, 3.0f, 0f, 0.1f, NAN, 0f, NAN, 1.0f, NAN};
        float[] out = new float[6];
        out[5] = 42f;

        tiny.margins(rows, 5, out);

        assertThat(out).containsExactly(0.1f + 0.05f, 0.3f + 0.05f, -0.2f + 0.05f, -0.2f + 0.05f, 0.1f + 0.05f, 42f);
    }

    @Test
    void the_base_margin_is_the_logit_of_base_score() {
        ObjectNode model = Fixtures.tiny();
        ((ObjectNode) Fixtures.learner(model).get("learner_model_param")).put("base_score", "2.5E-1");

        TreeEnsemble shifted = XGBoostJson.read(Fixtures.write(model));

        assertThat(shifted.baseMargin()).isEqualTo((float) -Math.log(1.0f / 0.25f - 1.0f));
        assertThat(shifted.margin(new float[] {0.5f, 1.0f, 9f})).isEqualTo(shifted.baseMargin() + 0.3f + 0.05f);
    }

    @Test
    void the_other_logistic_objectives_read_the_same_way() {
        for (Objective objective : List.of(Objective.REG_LOGISTIC, Objective.BINARY_LOGITRAW)) {
            ObjectNode model = Fixtures.tiny();
            ((ObjectNode) Fixtures.learner(model).get("objective")).put("name", objective.jsonName());

            assertThat(XGBoostJson.read(Fixtures.write(model)).objective()).isEqualTo(objective);
        }
    }

    @Test
    void refuses_a_row_of_the_wrong_length() {
        assertThatThrownBy(() -> tiny.margin(new float[2]))
                .isInstanceOf(AssayException.class)
                .hasMessage("row has 2 values but the model has 3 features");
        assertThatThrownBy(() -> tiny.margins(new float[8], 3, new float[3]))
                .hasMessageContaining("3 rows of 3 features need 9 values but rows holds 8");
        assertThatThrownBy(() -> tiny.margins(new float[9], 3, new float[2]))
                .hasMessageContaining("out holds 2 margins, fewer than the 3 rows")
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
