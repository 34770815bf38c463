package io.assay.api.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.assay.api.Endpoint;
import io.assay.api.FeatureViews.BuildView;
import io.assay.api.FeatureViews.LabelView;
import io.assay.api.FeatureViews.ServingTableView;
import io.assay.api.FeatureViews.TrainingSetView;
import io.assay.api.FeatureViews.ViewView;
import io.assay.api.FeaturesApi;
import io.assay.api.Requests;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.assay.api.Endpoints.BUILD_FEATURES;
import static io.assay.api.Endpoints.BUILD_TRAINSET;
import static io.assay.api.Endpoints.FEATURE_BUILDS;
import static io.assay.api.Endpoints.FEATURE_VIEW;
import static io.assay.api.Endpoints.FEATURE_VIEWS;
import static io.assay.api.Endpoints.LABELS;
import static io.assay.api.Endpoints.MATERIALIZE;
import static io.assay.api.Endpoints.TRAINSET;
import static io.assay.api.Endpoints.TRAINSETS;

/** Features, labels and training sets of a running Assay server, over the REST API. */
public final class HttpFeatures implements FeaturesApi {
    private final ApiClient api;

    public HttpFeatures(ApiClient api) {
        this.api = api;
    }

    @Override
    public List<ViewView> views() {
        return api.call(FEATURE_VIEWS, FEATURE_VIEWS.fill(), null, new TypeReference<List<ViewView>>() {});
    }

    @Override
    public ViewView view(String name) {
        return api.call(FEATURE_VIEW, FEATURE_VIEW.fill(name), null, ViewView.class);
    }

    @Override
    public List<LabelView> labels() {
        return api.call(LABELS, LABELS.fill(), null, new TypeReference<List<LabelView>>() {});
    }

    @Override
    public BuildView build(String view, LocalDate asOf) {
        return api.call(BUILD_FEATURES, BUILD_FEATURES.fill(view), new Requests.AsOf(asOf, Optional.empty()), BuildView.class);
    }

    @Override
    public List<BuildView> builds(Optional<String> view) {
        return api.call(FEATURE_BUILDS, FEATURE_BUILDS.fill() + view.map(v -> "?view=" + Endpoint.encode(v)).orElse(""), null,
                new TypeReference<List<BuildView>>() {});
    }

    @Override
    public TrainingSetView buildTrainingSet(Requests.BuildTrainingSet request) {
        return api.call(BUILD_TRAINSET, BUILD_TRAINSET.fill(), request, TrainingSetView.class);
    }

    @Override
    public List<TrainingSetView> trainingSets(Optional<String> useCase) {
        return api.call(TRAINSETS, TRAINSETS.fill() + useCase.map(u -> "?use_case=" + Endpoint.encode(u)).orElse(""), null,
                new TypeReference<List<TrainingSetView>>() {});
    }

    @Override
    public TrainingSetView trainingSet(String id) {
        return api.call(TRAINSET, TRAINSET.fill(id), null, TrainingSetView.class);
    }

    @Override
    public List<ServingTableView> materialize(LocalDate asOf, Optional<String> useCase) {
        return api.call(MATERIALIZE, MATERIALIZE.fill(), new Requests.AsOf(asOf, useCase), new TypeReference<List<ServingTableView>>() {});
    }

    @Override
    public void close() {
        // the ApiClient holds nothing to close
    }
}
