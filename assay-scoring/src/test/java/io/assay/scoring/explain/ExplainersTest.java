package io.assay.scoring.explain;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.scoring.Scorer;
import io.assay.scoring.logistic.LogisticModel;
import io.assay.scoring.xgboost.XGBoostJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every scorer Assay compiles has an explainer; any other is refused by its type's name. */
class ExplainersTest {
    @Test
    void a_tree_ensemble_is_explained_by_its_own_explainer() throws IOException {
        var ensemble = XGBoostJson.read(resource("/xgboost/tiny-model.json"));

        assertThat(Explainers.of(ensemble)).isSameAs(ensemble.explainer());
    }

    @Test
    void a_logistic_model_is_explained_by_its_terms() {
        LogisticModel model = new LogisticModel(LogisticModel.FORMAT, List.of("x"), new double[] {0}, new double[] {1},
                new double[] {2}, 0.5);
        double[] out = new double[2];

        Explainers.of(model).contributions(new float[] {3f}, out);

        assertThat(out).containsExactly(6.0, 0.5);
    }

    @Test
    void a_scorer_of_another_type_is_refused_by_name() {
        Scorer constant = new ConstantScorer();

        assertThatThrownBy(() -> Explainers.of(constant)).isInstanceOf(AssayException.class)
                .hasMessage("scorer type io.assay.scoring.explain.ExplainersTest$ConstantScorer has no explainer: Assay explains "
                        + "XGBoost tree ensembles and logistic models")
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    /** A scorer Assay does not compile, written by hand. */
    private static final class ConstantScorer implements Scorer {
        @Override
        public int featureCount() {
            return 1;
        }

        @Override
        public float margin(float[] row) {
            return 0f;
        }

        @Override
        public void margins(float[] rows, int rowCount, float[] out) {
            java.util.Arrays.fill(out, 0, rowCount, 0f);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ExplainersTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
