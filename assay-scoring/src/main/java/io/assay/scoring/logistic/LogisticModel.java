package io.assay.scoring.logistic;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.assay.core.error.AssayException;
import io.assay.scoring.Explainer;
import io.assay.scoring.Scorer;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A logistic regression on standardised features, as the baseline trainer writes it: the margin
 * is {@code intercept + Σ coefficient[j] · (x[j] − mean[j]) / scale[j]}, summed in double in
 * feature order and rounded once to float32; a missing value contributes nothing (it stands at
 * the mean, which is what the trainer imputed).
 */
public record LogisticModel(
        @JsonProperty("logistic_format") int format,
        @JsonProperty("features") List<String> features,
        @JsonProperty("means") double[] means,
        @JsonProperty("scales") double[] scales,
        @JsonProperty("coefficients") double[] coefficients,
        @JsonProperty("intercept") double intercept) implements Scorer {

    public static final int FORMAT = 1;

    public LogisticModel {
        if (format != FORMAT) {
            throw AssayException.invalid("logistic model has logistic_format " + format + "; this Assay reads format " + FORMAT);
        }
        features = List.copyOf(requireNonNull(features, "features is null"));
        requireNonNull(means, "means is null");
        requireNonNull(scales, "scales is null");
        requireNonNull(coefficients, "coefficients is null");
        int n = features.size();
        if (n == 0 || means.length != n || scales.length != n || coefficients.length != n) {
            throw AssayException.invalid("logistic model has " + n + " features but " + means.length + " means, " + scales.length
                    + " scales and " + coefficients.length + " coefficients");
        }
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(means[j]) || !Double.isFinite(coefficients[j]) || !(scales[j] > 0) || !Double.isFinite(scales[j])) {
                throw AssayException.invalid("logistic model feature " + features.get(j) + " has a non-finite mean or coefficient, "
                        + "or a scale that is not positive");
            }
        }
        if (!Double.isFinite(intercept)) {
            throw AssayException.invalid("logistic model intercept is not finite");
        }
        means = means.clone();
        scales = scales.clone();
        coefficients = coefficients.clone();
    }

    @Override
    public int featureCount() {
        return features.size();
    }

    @Override
    public float margin(float[] row) {
        if (row.length != features.size()) {
            throw AssayException.invalid("a row of " + row.length + " values for a model of " + features.size() + " features");
        }
        return marginAt(row, 0);
    }

    @Override
    public void margins(float[] rows, int rowCount, float[] out) {
        int n = features.size();
        for (int r = 0; r < rowCount; r++) {
            out[r] = marginAt(rows, r * n);
        }
    }

    private float marginAt(float[] rows, int offset) {
        double margin = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            float value = rows[offset + j];
            if (!Float.isNaN(value)) {
                margin += term(j, value);
            }
        }
        return (float) margin;
    }

    /** Feature j's share of the margin (a missing value has none: it stands at the mean). */
    private double term(int j, float value) {
        return coefficients[j] * ((value - means[j]) / scales[j]);
    }

    /**
     * The model's exact contributions: each feature's {@code coefficient · (x − mean) / scale}, 0
     * for a missing value (as scoring leaves it out), and the intercept as the bias. Their sum in
     * feature order, starting from the bias, is the margin before its rounding to float32.
     */
    public Explainer explainer() {
        return new Explainer() {
            @Override
            public int featureCount() {
                return features.size();
            }

            @Override
            public void contributions(float[] row, double[] out) {
                int n = features.size();
                if (row.length != n) {
                    throw AssayException.invalid("a row of " + row.length + " values for a model of " + n + " features");
                }
                if (out.length != n + 1) {
                    throw AssayException.invalid("out holds " + out.length + " values; contributions of " + n
                            + " features and the bias need " + (n + 1));
                }
                for (int j = 0; j < n; j++) {
                    out[j] = Float.isNaN(row[j]) ? 0.0 : term(j, row[j]);
                }
                out[n] = intercept;
            }
        };
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }
}
