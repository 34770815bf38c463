package io.assay.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.core.error.AssayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureRowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FeatureRow check(String features, FeatureRow.RangePolicy policy) throws Exception {
        return FeatureRow.check(JSON.readTree(features), Bundles.SIGNATURE, policy, "overdraft-40d v2");
    }

    private static FeatureRow check(String features) throws Exception {
        return check(features, FeatureRow.RangePolicy.FLAG);
    }

    @Test
    void a_good_row_is_laid_out_in_signature_order_and_null_is_missing_for_a_nullable_input() throws Exception {
        FeatureRow row = check("{\"is_student\": true, \"balance_now\": -250.5}");
        assertThat(row.row()).containsExactly(-250.5f, 1f);
        assertThat(row.values()).containsExactly(-250.5, 1.0);
        FeatureRow missing = check("{\"is_student\": 0, \"balance_now\": null}");
        assertThat(Float.isNaN(missing.row()[0])).isTrue();
        assertThat(missing.values()).containsExactly(null, 0.0);
    }

    @Test
    void every_missing_unknown_and_mistyped_field_is_named_in_one_refusal() {
        assertThatThrownBy(() -> check("{\"balance\": 3, \"is_student\": \"yes\"}"))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("missing balance_now")
                .hasMessageContaining("unknown balance")
                .hasMessageContaining("is_student must be true or false (or 1 or 0), not text");
    }

    @Test
    void nan_as_text_and_numbers_beyond_float_are_refused_never_scored() {
        assertThatThrownBy(() -> check("{\"balance_now\": \"NaN\", \"is_student\": 1}"))
                .hasMessageContaining("balance_now must be a number, not text");
        assertThatThrownBy(() -> check("{\"balance_now\": 1e309, \"is_student\": 1}"))
                .hasMessageContaining("balance_now is beyond the range of a number the model takes");
        assertThatThrownBy(() -> check("{\"balance_now\": 1e39, \"is_student\": 1}"))
                .hasMessageContaining("balance_now is beyond the range");
        assertThatThrownBy(() -> check("{\"balance_now\": 12, \"is_student\": null}"))
                .hasMessageContaining("is_student is null, but it may not be missing");
        assertThatThrownBy(() -> check("{\"balance_now\": [1], \"is_student\": 2}"))
                .hasMessageContaining("balance_now must be a number, not a list")
                .hasMessageContaining("is_student must be true or false");
    }

    @Test
    void features_that_are_not_an_object_are_refused_with_the_inputs_named() {
        for (String body : new String[] {"[1, 2]", "\"x\"", "3"}) {
            assertThatThrownBy(() -> check(body)).hasMessageContaining("features must be a JSON object")
                    .hasMessageContaining("balance_now, is_student");
        }
        assertThatThrownBy(() -> FeatureRow.check((JsonNode) null, Bundles.SIGNATURE, FeatureRow.RangePolicy.FLAG, "m"))
                .isInstanceOf(AssayException.class);
    }

    @Test
    void a_value_outside_the_training_range_is_flagged_or_refused_as_the_policy_says() throws Exception {
        assertThat(check("{\"balance_now\": 250000, \"is_student\": 0}").outOfRange()).containsExactly("balance_now");
        assertThatThrownBy(() -> check("{\"balance_now\": 250000, \"is_student\": 0}", FeatureRow.RangePolicy.REFUSE))
                .hasMessageContaining("outside the range the model was trained on: balance_now");
    }
}
