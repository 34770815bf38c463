package io.assay.train.model;

import io.assay.core.error.AssayException;

import java.util.Locale;

/** The model families Assay trains. */
public enum Algorithm {
    /** Gradient-boosted trees, trained by XGBoost4J and scored by the compiled scorer. */
    XGBOOST,
    /** A logistic regression on standardised features with an L2 penalty: the baseline a tree model must beat. */
    LOGISTIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Algorithm of(String name) {
        for (Algorithm algorithm : values()) {
            if (algorithm.wireName().equals(name)) {
                return algorithm;
            }
        }
        throw AssayException.invalid("algorithm '" + name + "' is unknown; algorithms are xgboost, logistic");
    }
}
