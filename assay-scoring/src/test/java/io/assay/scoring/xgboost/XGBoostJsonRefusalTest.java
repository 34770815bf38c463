package io.assay.scoring.xgboost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import ml.dmlc.xgboost4j.java.Booster;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of bad model file is refused before anything scores with it, with a message that names the problem. */
class XGBoostJsonRefusalTest {
    private static final String EXPORT = "booster.save_model(\"model.json\")";

    @Test
    void refuses_an_empty_file() {
        assertRefused(new byte[0]).hasMessage("the model file is empty");
    }

    @Test
    void refuses_truncated_json() {
        byte[] whole = Fixtures.bytes("tiny-model.json");

        // Jackson reports an early end differently inside a value and between object entries.
        for (int length : new int[] {whole.length / 2, 300, whole.length - 2}) {
            assertRefused(Arrays.copyOf(whole, length)).hasMessageContaining("the model JSON is truncated");
        }
    }

    @Test
    void refuses_text_that_is_not_json() {
        assertRefused("model: churn\ntrees: 300\n".getBytes(StandardCharsets.UTF_8))
                .hasMessageStartingWith("the model file is not valid JSON at line 1, column");
    }

    @Test
    void refuses_json_that_is_not_an_xgboost_model() {
        assertRefused(Fixtures.bytes("not-xgboost.json")).hasMessageContaining("not an XGBoost model: the JSON has no 'learner' object");
    }

    @Test
    void refuses_a_learner_without_trees() {
        ObjectNode model = Fixtures.tiny();
        ((ObjectNode) Fixtures.booster(model).get("model")).remove("trees");

        assertRefused(model).hasMessageContaining("no learner.gradient_booster.model.trees");
    }

    @Test
    void refuses_a_python_pickle_renamed_json_and_says_how_to_export_json() {
        byte[] pickle = {(byte) 0x80, 0x04, (byte) 0x95, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0x8c, 0x07, 'x', 'g', 'b'};

        assertRefused(pickle).hasMessageContaining("looks like a Python pickle").hasMessageContaining(EXPORT);
    }

    @Test
    void refuses_a_serialised_java_object_renamed_json_and_says_how_to_export_json() {
        byte[] serialised = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05, 0x73, 0x72, 0x00, 0x1d};

        assertRefused(serialised).hasMessageContaining("looks like a serialised Java object").hasMessageContaining(EXPORT);
    }

    @Test
    void refuses_xgboosts_binary_ubj_and_says_to_export_json() throws Exception {
        SimulatedRows rows = SimulatedRows.generate(500, 3L);
        Booster booster = Training.train(rows, Training.params(2), 1);

        assertRefused(booster.toByteArray("ubj")).hasMessageContaining("binary UBJSON format").hasMessageContaining(EXPORT);
        assertRefused("{#L".getBytes(StandardCharsets.US_ASCII)).hasMessageContaining("binary UBJSON format");
    }

    @Test
    void refuses_a_tree_deeper_than_the_limit() {
        assertRefused(Fixtures.bytes("tiny-model.json"), ModelLimits.DEFAULTS.withMaxDepth(1))
                .hasMessage("tree 0: is deeper than the limit of 1 (node 3 at depth 2)");
    }

    @Test
    void refuses_a_file_over_the_byte_limit() {
        assertRefused(Fixtures.bytes("tiny-model.json"), ModelLimits.DEFAULTS.withMaxBytes(100))
                .hasMessageContaining("over the limit of 100 bytes");
    }

    @Test
    void refuses_more_trees_than_the_limit() {
        assertRefused(Fixtures.bytes("tiny-model.json"), ModelLimits.DEFAULTS.withMaxTrees(1))
                .hasMessage("model has more than 1 trees, over the limit");
    }

    @Test
    void refuses_more_nodes_than_the_limit() {
        assertRefused(Fixtures.bytes("tiny-model.json"), ModelLimits.DEFAULTS.withMaxNodes(5))
                .hasMessage("model has more than 5 nodes, over the limit (at tree 1)");
    }

    @Test
    void refuses_a_split_on_a_feature_the_model_does_not_have() {
        ObjectNode model = Fixtures.tiny();
        Fixtures.array(Fixtures.tree(model, 0), "split_indices").set(1, 3);

        assertRefused(model).hasMessage("tree 0: node 1 splits on feature 3 but the model has num_feature 3 (features 0..2)");
    }

    @Test
    void refuses_a_categorical_split() {
        ObjectNode model = Fixtures.tiny();
        Fixtures.array(Fixtures.tree(model, 0), "split_type").set(0, 1);

        assertRefused(model).hasMessageContaining("tree 0: node 0 is a categorical split (split_type 1)");
    }

    @Test
    void refuses_an_unsupported_objective_and_names_the_supported_ones() {
        ObjectNode model = Fixtures.tiny();
        ((ObjectNode) Fixtures.learner(model).get("objective")).put("name", "reg:squarederror");

        assertRefused(model).hasMessage("objective 'reg:squarederror' is not supported; the compiled scorer supports "
                + "binary:logistic, reg:logistic, binary:logitraw");
    }

    @Test
    void refuses_children_that_point_back_to_their_parent() {
        assertRefused(Fixtures.bytes("cyclic-children.json"))
                .hasMessageContaining("tree 0: node 1 has child 0, not after it").hasMessageContaining("a cycle");
    }

    @Test
    void refuses_dart_and_gblinear_boosters() {
        ObjectNode dart = Fixtures.tiny();
        Fixtures.booster(dart).put("name", "dart");
        ObjectNode linear = Fixtures.tiny();
        Fixtures.booster(linear).put("name", "gblinear");

        assertRefused(dart).hasMessageContaining("booster 'dart' is not supported").hasMessageContaining("booster=gbtree");
        assertRefused(linear).hasMessageContaining("booster 'gblinear' is a linear model");
    }

    @Test
    void refuses_a_multi_class_model() {
        ObjectNode model = Fixtures.tiny();
        ((ObjectNode) Fixtures.learner(model).get("learner_model_param")).put("num_class", "3");

        assertRefused(model).hasMessageContaining("multi-class models are not supported (num_class 3)");
    }

    @Test
    void refuses_arrays_of_inconsistent_length() {
        ObjectNode model = Fixtures.tiny();
        Fixtures.array(Fixtures.tree(model, 0), "right_children").remove(4);

        assertRefused(model).hasMessage("tree 0: 'right_children' has 4 values but tree_param.num_nodes is 5: arrays of inconsistent length");
    }

    @Test
    void refuses_a_child_index_out_of_range() {
        ObjectNode model = Fixtures.tiny();
        Fixtures.array(Fixtures.tree(model, 0), "left_children").set(1, 7);

        assertRefused(model).hasMessage("tree 0: node 1 has child 7, out of range for its 5 nodes");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "NaN split condition|\"split_conditions\": [5E-1|\"split_conditions\": [NaN|non-finite split condition NaN",
            "infinite leaf value|3E-1, 1E-1, -2E-1|3E-1, 1E-1, -2E39|leaf 4 has the non-finite value -Infinity",
            "base_score not a probability|\"[5E-1]\"|\"[2E0]\"|base_score [2E0] is not a probability",
            "several base scores|\"[5E-1]\"|\"[5E-1,4E-1]\"|holds several values",
            "vector leaves|\"num_nodes\": \"1\", \"size_leaf_vector\": \"1\"|\"num_nodes\": \"1\", \"size_leaf_vector\": \"2\"|multi-target trees",
            "two values for one key|\"version\": [3, 4, 0]|\"version\": [3, 4, 0], \"version\": [3, 4, 0]|Duplicate field 'version'",
            "data after the model|\"version\": [3, 4, 0]\\n}|\"version\": [3, 4, 0]\\n} {}|data after its closing brace",
            "no version|\"version\": [3, 4, 0]|\"versions\": [3, 4, 0]|no top-level 'version'",
            "fractional child index|\"left_children\": [1, 3|\"left_children\": [1.5, 3|where an integer belongs",
            "later logitraw|\"binary:logistic\"|\"binary:logitraw\"|binary:logitraw from XGBoost 3.5.0 is not supported",
    })
    void refuses_an_edited_model(String problem, String find, String replace, String message) {
        String original = Fixtures.text("tiny-model.json");
        String edited = original.replace(find.replace("\\n", "\n"), replace.replace("\\n", "\n"));
        if (problem.equals("later logitraw")) {
            edited = edited.replace("\"version\": [3, 4, 0]", "\"version\": [3, 5, 0]");
        }

        assertThat(edited).as("the edit applies").isNotEqualTo(original);
        assertRefused(edited.getBytes(StandardCharsets.UTF_8)).hasMessageContaining(message);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(ObjectNode model) {
        return assertRefused(Fixtures.write(model));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(byte[] bytes) {
        return assertRefused(bytes, ModelLimits.DEFAULTS);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(byte[] bytes, ModelLimits limits) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> XGBoostJson.read(bytes, limits));
        assertThat(thrown).isInstanceOf(AssayException.class);
        assertThat(((AssayException) thrown).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        return assertThatThrownBy(() -> {
            throw thrown;
        });
    }
}
