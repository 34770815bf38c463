package io.assay.scoring.xgboost;

import io.assay.core.error.AssayException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The XGBoost objectives the compiled scorer supports: one output, a logistic link. */
public enum Objective {
    BINARY_LOGISTIC("binary:logistic"),
    REG_LOGISTIC("reg:logistic"),
    /** Trained like binary:logistic; XGBoost outputs the margin. Its base_score is still a probability (up to 3.4). */
    BINARY_LOGITRAW("binary:logitraw");

    /** Clamps XGBoost 3.4 applies to base_score before the logit (kRtEps in include/xgboost/base.h). */
    private static final float EPSILON = 1e-6f;

    private final String jsonName;

    Objective(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name XGBoost writes in {@code learner.objective.name}. */
    public String jsonName() {
        return jsonName;
    }

    public static Objective fromJsonName(String name) {
        for (Objective objective : values()) {
            if (objective.jsonName.equals(name)) {
                return objective;
            }
        }
        throw AssayException.invalid("objective '" + name + "' is not supported; the compiled scorer supports " + supported());
    }

    static String supported() {
        return Arrays.stream(values()).map(Objective::jsonName).collect(Collectors.joining(", "));
    }

    /**
     * The margin offset of a base_score, as XGBoost 3.4 computes it in float32
     * ({@code LogisticRegression::ProbToMargin}: clamp to [1e-6, 1 - 1e-6], then
     * {@code -logf(1.0f / x - 1.0f)}). The division and subtraction are float32 as in C++; the
     * logarithm is taken in double and rounded once to float32, which is what a correctly rounded
     * {@code logf} returns.
     */
    float baseMargin(float baseScore) {
        float clamped = Math.min(Math.max(baseScore, EPSILON), 1.0f - EPSILON);
        return (float) -Math.log(1.0f / clamped - 1.0f);
    }
}
