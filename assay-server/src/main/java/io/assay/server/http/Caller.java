package io.assay.server.http;

import io.assay.api.DataApi;
import io.assay.api.FeaturesApi;
import io.assay.api.Governance;

import static java.util.Objects.requireNonNull;

/** The API as one signed-in person, in-process: what a route hands its call to. Null for the public health route. */
public record Caller(Governance governance, DataApi data, FeaturesApi features, io.assay.api.TrainingApi training) {
    public Caller {
        requireNonNull(governance, "governance is null");
        requireNonNull(data, "data is null");
        requireNonNull(features, "features is null");
        requireNonNull(training, "training is null");
    }
}
