package io.assay.api;

import io.assay.api.FeatureViews.BuildView;
import io.assay.api.FeatureViews.LabelView;
import io.assay.api.FeatureViews.ServingTableView;
import io.assay.api.FeatureViews.TrainingSetView;
import io.assay.api.FeatureViews.ViewView;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Features, labels and training sets as one signed-in person may use them, in-process on a home
 * or against a running server, with the same answers and errors.
 */
public interface FeaturesApi extends AutoCloseable {
    List<ViewView> views();

    ViewView view(String name);

    List<LabelView> labels();

    /** Builds a view as of a day (a logged read under the caller's grants) and publishes it, or returns the same build made before. */
    BuildView build(String view, LocalDate asOf);

    /** Published builds, oldest as-of first (of one view, or of all). */
    List<BuildView> builds(Optional<String> view);

    TrainingSetView buildTrainingSet(Requests.BuildTrainingSet request);

    List<TrainingSetView> trainingSets(Optional<String> useCase);

    TrainingSetView trainingSet(String id);

    /** Publishes the serving feature table of every use case (or of one) as of a day. */
    List<ServingTableView> materialize(LocalDate asOf, Optional<String> useCase);

    @Override
    void close();
}
