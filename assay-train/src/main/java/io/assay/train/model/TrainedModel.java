package io.assay.train.model;

import io.assay.scoring.bundle.ModelFormat;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a trainer made: the model bytes in their bundle format, the round it kept, the validation
 * curve early stopping watched, the feature importance, and the library that trained it.
 */
public record TrainedModel(ModelFormat format, byte[] model, int bestRound, int roundsTrained, String curveMetric, List<Double> curve,
                           Map<String, Double> importance, Map<String, String> libraries) {
    public TrainedModel {
        requireNonNull(format, "format is null");
        model = requireNonNull(model, "model is null").clone();
        curve = List.copyOf(curve);
        importance = Map.copyOf(importance);
        libraries = Map.copyOf(libraries);
    }

    @Override
    public byte[] model() {
        return model.clone();
    }
}
