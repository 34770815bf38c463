package io.assay.scoring.explain;

import io.assay.core.error.AssayException;
import io.assay.scoring.Explainer;
import io.assay.scoring.Scorer;
import io.assay.scoring.logistic.LogisticModel;
import io.assay.scoring.xgboost.TreeEnsemble;

import static java.util.Objects.requireNonNull;

/** The {@link Explainer} of a compiled {@link Scorer}, for the kinds of model Assay compiles. */
public final class Explainers {
    private Explainers() {}

    /**
     * The scorer's explainer: TreeSHAP for an XGBoost {@link TreeEnsemble}, exact linear terms for
     * a {@link LogisticModel}.
     *
     * @throws AssayException INVALID_ARGUMENT naming the scorer's type when Assay cannot explain
     *                        it, or saying why a tree model's file cannot be explained
     */
    public static Explainer of(Scorer scorer) {
        requireNonNull(scorer, "scorer is null");
        if (scorer instanceof TreeEnsemble ensemble) {
            return ensemble.explainer();
        }
        if (scorer instanceof LogisticModel logistic) {
            return logistic.explainer();
        }
        throw AssayException.invalid("scorer type " + scorer.getClass().getName() + " has no explainer: Assay explains XGBoost tree "
                + "ensembles and logistic models");
    }
}
