package io.assay.scoring.xgboost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.scoring.Explainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The tree explainer's edges: what it refuses, a stump's values, and models that score but cannot be explained. */
class TreeExplainerTest {
    private final TreeEnsemble tiny = XGBoostJson.read(Fixtures.bytes("tiny-model.json"));

    @Test
    void a_stump_gives_its_feature_the_leaf_less_the_expected_value() {
        // One split, age < 0.5 (missing left): leaves 0.1 (cover 6) and 0.3 (cover 4), so the expected value is 0.18.
        ObjectNode model = Fixtures.tiny();
        ObjectNode tree = Fixtures.tree(model, 0);
        Fixtures.array(tree, "left_children").removeAll().add(1).add(-1).add(-1);
        Fixtures.array(tree, "right_children").removeAll().add(2).add(-1).add(-1);
        Fixtures.array(tree, "split_conditions").removeAll().add(0.5).add(0.1).add(0.3);
        Fixtures.array(tree, "split_indices").removeAll().add(0).add(0).add(0);
        Fixtures.array(tree, "split_type").removeAll().add(0).add(0).add(0);
        Fixtures.array(tree, "default_left").removeAll().add(1).add(0).add(0);
        Fixtures.array(tree, "sum_hessian").removeAll().add(10.0).add(6.0).add(4.0);
        for (String field : new String[] {"base_weights", "loss_changes", "parents"}) {
            Fixtures.array(tree, field).removeAll().add(0).add(0).add(0);
        }
        ((ObjectNode) tree.get("tree_param")).put("num_nodes", "3");
        Explainer stump = XGBoostJson.read(Fixtures.write(model)).explainer();
        double[] out = new double[4];

        stump.contributions(new float[] {0.2f, 5f, 5f}, out);
        assertThat(out).containsExactly(new double[] {0.1 - 0.18, 0, 0, 0.18 + 0.05}, within(1e-7));
        stump.contributions(new float[] {0.9f, 5f, 5f}, out);
        assertThat(out).containsExactly(new double[] {0.3 - 0.18, 0, 0, 0.18 + 0.05}, within(1e-7));
        stump.contributions(new float[] {Float.NaN, 5f, 5f}, out);
        assertThat(out).containsExactly(new double[] {0.1 - 0.18, 0, 0, 0.18 + 0.05}, within(1e-7));
    }

    @Test
    void a_model_explains_through_one_explainer() {
        assertThat(tiny.explainer()).isSameAs(tiny.explainer());
        assertThat(tiny.explainer().featureCount()).isEqualTo(3);
    }

    @Test
    void a_model_without_covers_still_scores_but_is_not_explained() {
        ObjectNode model = Fixtures.tiny();
        Fixtures.tree(model, 1).remove("sum_hessian");
        TreeEnsemble ensemble = XGBoostJson.read(Fixtures.write(model));

        assertThat(ensemble.margin(new float[] {0.4f, 1.0f, 9f})).isEqualTo(0.1f + 0.05f);
        assertThatThrownBy(ensemble::explainer).isInstanceOf(AssayException.class)
                .hasMessage("this XGBoost model cannot be explained: tree 1 has no sum_hessian (the node covers contributions are "
                        + "weighed by); XGBoost writes them in every JSON model")
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void a_split_with_no_cover_or_a_cover_that_is_not_a_number_is_not_explained() {
        ObjectNode zero = Fixtures.tiny();
        Fixtures.array(Fixtures.tree(zero, 0), "sum_hessian").set(1, 0.0);
        // Written as text: Jackson would write a NaN put in a tree as the string "NaN".
        byte[] notANumber = Fixtures.text("tiny-model.json").replace("\"sum_hessian\": [10.0, 6.0, 4.0, 3.0, 3.0]",
                "\"sum_hessian\": [10.0, 6.0, 4.0, NaN, 3.0]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ObjectNode negative = Fixtures.tiny();
        Fixtures.array(Fixtures.tree(negative, 0), "sum_hessian").set(2, -1.0);

        assertThatThrownBy(() -> XGBoostJson.read(Fixtures.write(zero)).explainer())
                .hasMessageContaining("tree 0 node 1 has the cover (sum_hessian) 0.0");
        assertThatThrownBy(() -> XGBoostJson.read(notANumber).explainer())
                .hasMessageContaining("tree 0 node 3 has the cover (sum_hessian) NaN");
        assertThatThrownBy(() -> XGBoostJson.read(Fixtures.write(negative)).explainer())
                .hasMessageContaining("tree 0 node 2 has the cover (sum_hessian) -1.0: covers must be finite and not negative");
    }

    @Test
    void a_leaf_no_training_weight_reached_is_explained() {
        // A leaf of cover 0 is a branch the training rows never took: it counts for nothing off the row's path.
        ObjectNode model = Fixtures.tiny();
        Fixtures.array(Fixtures.tree(model, 0), "sum_hessian").set(2, 0.0).set(0, 6.0);
        double[] out = new double[4];

        XGBoostJson.read(Fixtures.write(model)).explainer().contributions(new float[] {0.2f, 1.0f, 0f}, out);

        // age always goes left in training, so knowing it changes nothing; balance takes 0.1 against the mean -0.05.
        assertThat(out).containsExactly(new double[] {0.0, 0.15, 0.0, -0.05 + 0.05}, within(1e-7));
    }

    @Test
    void a_sum_hessian_that_is_not_numbers_is_refused_when_read() {
        ObjectNode model = Fixtures.tiny();
        Fixtures.array(Fixtures.tree(model, 0), "sum_hessian").set(1, "six");

        assertThatThrownBy(() -> XGBoostJson.read(Fixtures.write(model)))
                .hasMessage("'tree 0 sum_hessian' holds a string where a number belongs");
    }

    @Test
    void a_row_or_an_out_of_the_wrong_length_is_refused() {
        Explainer explainer = tiny.explainer();

        assertThatThrownBy(() -> explainer.contributions(new float[2], new double[4]))
                .hasMessage("row has 2 values but the model has 3 features");
        assertThatThrownBy(() -> explainer.contributions(new float[3], new double[3]))
                .hasMessage("out holds 3 values; contributions of 3 features and the bias need 4");
    }
}
