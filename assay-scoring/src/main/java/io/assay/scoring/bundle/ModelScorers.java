package io.assay.scoring.bundle;

import io.assay.core.error.AssayException;
import io.assay.scoring.Scorer;
import io.assay.scoring.logistic.LogisticModel;

/** Compiles a bundle's model part into the scorer evaluation, gates and serving all use. */
public final class ModelScorers {
    private ModelScorers() {}

    public static Scorer compile(ModelFormat format, byte[] model) {
        return switch (format) {
            case XGBOOST_JSON -> io.assay.scoring.xgboost.XGBoostJson.read(model);
            case LOGISTIC_JSON -> BundleFiles.value(model, BundleFiles.MODEL, LogisticModel.class);
        };
    }

    /** The bundle's scorer, checked against its signature: one input per feature the model takes. */
    public static Scorer compile(ModelBundle bundle) {
        Scorer scorer = compile(bundle.modelFormat(), bundle.model());
        if (scorer.featureCount() != bundle.signature().inputs().size()) {
            throw AssayException.invalid("the model takes " + scorer.featureCount() + " features but its signature names "
                    + bundle.signature().inputs().size());
        }
        return scorer;
    }
}
