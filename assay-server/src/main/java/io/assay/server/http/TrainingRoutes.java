package io.assay.server.http;

import io.assay.api.Requests.RegisterRun;
import io.assay.api.Requests.Train;
import io.assay.api.TrainingViews.GatesView;
import io.assay.api.TrainingViews.ReproduceView;
import io.assay.api.TrainingViews.RunView;
import io.assay.api.VersionView;
import io.assay.core.access.Permission;

import java.util.List;
import java.util.Optional;

import static io.assay.api.Endpoints.REGISTER_RUN;
import static io.assay.api.Endpoints.REPRODUCE;
import static io.assay.api.Endpoints.RUN;
import static io.assay.api.Endpoints.RUNS;
import static io.assay.api.Endpoints.RUN_GATES;
import static io.assay.api.Endpoints.TRAIN;

/** Training runs, versions registered from them, the platform's gates and reproductions as resources. */
final class TrainingRoutes {
    private TrainingRoutes() {}

    static List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post(TRAIN, Permission.TRAIN_MODELS, "Train on a training set (a logged read under the caller's grants) and "
                                + "record the run; answers when it is done. A run that fails is recorded as FAILED and named in the error",
                        Train.class, 201, (ctx, as) -> as.training().train(Bodies.read(ctx, Train.class))).returns(RunView.class),
                ApiRoute.get(RUNS, Permission.READ_REGISTRY, "Training runs, oldest first (?use_case= narrows)",
                        (ctx, as) -> as.training().runs(Optional.ofNullable(ctx.queryParam("use_case")))).returnsListOf(RunView.class),
                ApiRoute.get(RUN, Permission.READ_REGISTRY, "One run: parameters, figures per split and segment, importance, provenance",
                        (ctx, as) -> as.training().run(ctx.pathParam("id"))).returns(RunView.class),
                ApiRoute.post(REGISTER_RUN, Permission.BUILD_MODELS, "Register a run's model, bundled with the metric spec "
                                + "({\"runId\", \"spec\": {spec_format: 1, metrics, gate bounds}}), as a new DRAFT version",
                        RegisterRun.class, 201, (ctx, as) -> as.training().registerRun(ctx.pathParam("name"),
                                Bodies.read(ctx, RegisterRun.class))).returns(VersionView.class),
                ApiRoute.post(io.assay.api.Endpoints.REGISTER_EXTERNAL, Permission.BUILD_MODELS, "Register a model trained elsewhere: "
                                + "an XGBoost JSON stored first as an artifact, checked in pure Java against its signature, bundled with a "
                                + "reference profile from the training set whose out-of-time rows will gate it",
                        io.assay.api.Requests.RegisterExternal.class, 201, (ctx, as) -> as.training().registerExternal(ctx.pathParam("name"),
                                Bodies.read(ctx, io.assay.api.Requests.RegisterExternal.class))).returns(VersionView.class),
                ApiRoute.post(RUN_GATES, Permission.RUN_GATES, "Run the platform gates the use case requires on a version and attach "
                                + "their evidence (not by the version's author)", null, 200,
                        (ctx, as) -> as.training().runGates(ctx.pathParam("name"), Bodies.version(ctx)))
                        .returns(GatesView.class),
                ApiRoute.post(REPRODUCE, Permission.REPRODUCE_MODELS, "Rebuild a version's training set from its lineage, retrain it "
                                + "and compare the model's SHA-256: IDENTICAL or the first difference", null, 200,
                        (ctx, as) -> as.training().reproduce(ctx.pathParam("name"), Bodies.version(ctx)))
                        .returns(ReproduceView.class));
    }
}
