package io.assay.scoring.logistic;

import io.assay.scoring.Explainer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A logistic model's contributions are its exact terms: coefficient times standardised value, the intercept as bias. */
class LogisticContributionsTest {
    private static final LogisticModel MODEL = new LogisticModel(LogisticModel.FORMAT, List.of("balance_now", "is_student", "age"),
            new double[] {1200.0, 0.1, 40.0}, new double[] {800.0, 0.3, 12.0}, new double[] {-0.9, 0.6, 0.25}, -2.5);

    @Test
    void each_feature_contributes_its_coefficient_times_its_standardised_value() {
        double[] out = new double[4];

        MODEL.explainer().contributions(new float[] {2000f, 1f, 28f}, out);

        // -0.9 · (2000 − 1200) / 800, 0.6 · (1 − 0.1) / 0.3, 0.25 · (28 − 40) / 12, then the intercept.
        assertThat(out).containsExactly(new double[] {-0.9, 1.8, -0.25, -2.5}, within(1e-6));
        assertThat(MODEL.margin(new float[] {2000f, 1f, 28f})).isCloseTo(-1.85f, within(1e-6f));
    }

    @Test
    void a_missing_value_contributes_nothing_as_it_adds_nothing_to_the_margin() {
        double[] out = new double[4];
        float[] row = {Float.NaN, 1f, Float.NaN};

        MODEL.explainer().contributions(row, out);

        assertThat(out[0]).isZero();
        assertThat(out[2]).isZero();
        assertThat(out[0] + out[1] + out[2] + out[3]).isCloseTo(MODEL.margin(row), within(1e-6));
    }

    @Provide
    Arbitrary<float[]> rows() {
        Arbitrary<Float> value = Arbitraries.oneOf(Arbitraries.floats().between(-1e5f, 1e5f), Arbitraries.just(Float.NaN));
        return value.array(float[].class).ofSize(3);
    }

    @Property(tries = 500)
    void the_bias_plus_the_contributions_in_feature_order_is_the_margin_before_rounding(@ForAll("rows") float[] row) {
        double[] out = new double[4];
        MODEL.explainer().contributions(row, out);

        double sum = out[3];
        for (int j = 0; j < 3; j++) {
            sum += out[j];
        }
        assertThat((float) sum).isEqualTo(MODEL.margin(row));
    }

    @Test
    void a_row_or_an_out_of_the_wrong_length_is_refused() {
        Explainer explainer = MODEL.explainer();

        assertThat(explainer.featureCount()).isEqualTo(3);
        assertThatThrownBy(() -> explainer.contributions(new float[2], new double[4]))
                .hasMessage("a row of 2 values for a model of 3 features");
        assertThatThrownBy(() -> explainer.contributions(new float[3], new double[5]))
                .hasMessage("out holds 5 values; contributions of 3 features and the bias need 4");
    }
}
