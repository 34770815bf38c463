package io.assay.scoring.bundle;

import io.assay.core.error.AssayException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the model part of a bundle holds, named as the manifest spells it. */
public enum ModelFormat {
    /** XGBoost's own JSON model, as {@code save_model("model.json")} writes it. */
    XGBOOST_JSON("xgboost-json"),
    /** The logistic baseline: coefficients and the scaler, see {@link io.assay.scoring.logistic.LogisticModel}. */
    LOGISTIC_JSON("logistic-json");

    private final String wireName;

    ModelFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ModelFormat of(String wireName) {
        for (ModelFormat format : values()) {
            if (format.wireName.equals(wireName)) {
                return format;
            }
        }
        throw AssayException.invalid("model format '" + wireName + "' is unknown; formats are "
                + Arrays.stream(values()).map(ModelFormat::wireName).collect(Collectors.joining(", ")));
    }
}
