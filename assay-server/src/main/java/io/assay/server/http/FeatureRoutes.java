package io.assay.server.http;

import io.assay.api.FeatureViews.BuildView;
import io.assay.api.FeatureViews.LabelView;
import io.assay.api.FeatureViews.ServingTableView;
import io.assay.api.FeatureViews.TrainingSetView;
import io.assay.api.FeatureViews.ViewView;
import io.assay.api.Parse;
import io.assay.api.Requests.AsOf;
import io.assay.api.Requests.BuildTrainingSet;
import io.assay.core.access.Permission;

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

/** Feature views, their builds, labels, training sets and serving tables as resources. */
final class FeatureRoutes {
    private FeatureRoutes() {}

    static List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get(FEATURE_VIEWS, Permission.READ_DATA_CATALOG, "The feature views in force: declarations and SQL",
                        (ctx, as) -> as.features().views()).returnsListOf(ViewView.class),
                ApiRoute.get(FEATURE_VIEW, Permission.READ_DATA_CATALOG, "One feature view: its columns, owners and SQL",
                        (ctx, as) -> as.features().view(ctx.pathParam("name"))).returns(ViewView.class),
                ApiRoute.post(BUILD_FEATURES, Permission.QUERY_DATA, "Build a view as of a day ({\"asOf\": \"yyyy-MM-dd\"}) under the "
                                + "caller's grants (a logged read) and publish it; the same content again changes nothing",
                        AsOf.class, 201, (ctx, as) -> as.features().build(ctx.pathParam("name"),
                                Parse.required("asOf", Bodies.read(ctx, AsOf.class).asOf()))).returns(BuildView.class),
                ApiRoute.get(FEATURE_BUILDS, Permission.READ_DATA_CATALOG, "Published feature builds, oldest as-of first (?view= narrows)",
                        (ctx, as) -> as.features().builds(Optional.ofNullable(ctx.queryParam("view")))).returnsListOf(BuildView.class),
                ApiRoute.get(LABELS, Permission.READ_DATA_CATALOG, "The use cases' label definitions: horizons, views, population rules",
                        (ctx, as) -> as.features().labels()).returnsListOf(LabelView.class),
                ApiRoute.post(MATERIALIZE, Permission.QUERY_DATA, "Publish the serving feature table of every use case (or of "
                                + "\"useCase\") as of a day, from the same builds training uses",
                        AsOf.class, 201, (ctx, as) -> {
                            AsOf body = Bodies.read(ctx, AsOf.class);
                            return as.features().materialize(Parse.required("asOf", body.asOf()), body.useCase());
                        }).returnsListOf(ServingTableView.class),
                ApiRoute.post(BUILD_TRAINSET, Permission.QUERY_DATA, "Build a use case's training set over several as-of dates, "
                                + "split by time (the latest is the out-of-time test)",
                        BuildTrainingSet.class, 201, (ctx, as) -> as.features().buildTrainingSet(Bodies.read(ctx, BuildTrainingSet.class)))
                        .returns(TrainingSetView.class),
                ApiRoute.get(TRAINSETS, Permission.READ_DATA_CATALOG, "Published training sets (?use_case= narrows)",
                        (ctx, as) -> as.features().trainingSets(Optional.ofNullable(ctx.queryParam("use_case"))))
                        .returnsListOf(TrainingSetView.class),
                ApiRoute.get(TRAINSET, Permission.READ_DATA_CATALOG, "One training set: sizes, label rates, exclusions and lineage",
                        (ctx, as) -> as.features().trainingSet(ctx.pathParam("id"))).returns(TrainingSetView.class));
    }
}
