package io.assay.server.http;

import io.assay.api.Endpoints;
import io.assay.api.Inference;
import io.assay.api.Requests.Score;
import io.assay.core.access.Permission;
import io.assay.core.access.UserService;
import io.assay.serving.ScoreAnswer;
import io.assay.serving.ScoringService;


import java.util.List;

/** The business scoring API: one stable answer shape, whichever version the environment's routing has answer. */
final class ScoringRoutes {
    private ScoringRoutes() {}

    static List<ApiRoute> routes(ScoringService scoring, UserService users) {
        ScoringEndpoints endpoints = new ScoringEndpoints(scoring);
        return List.of(ApiRoute.post(Endpoints.SCORE, Permission.SCORE, "Score one customer ({\"customer\": token}, features from the "
                                + "serving table) or given features ({\"features\": {name: value}}) with what this environment routes; the "
                                + "decision is logged before the answer",
                        Score.class, 200, (ctx, as) -> endpoints.score(users.activeActor(ApiServer.actorOf(ctx)), ctx.pathParam("use_case"),
                                ctx.bodyAsBytes(), ctx.contentType())).returns(ScoreAnswer.class),
                ApiRoute.get(Endpoints.METRICS, null, "The data plane's figures in the Prometheus text format; no token needed",
                        (ctx, as) -> {
                            ctx.status(200).contentType(ScoringEndpoints.metricsContentType()).result(endpoints.metrics());
                            return null;
                        }),
                ApiRoute.get(Endpoints.INFERENCE_LIVE, null, "Open Inference Protocol: the data plane is up; no token needed",
                        (ctx, as) -> endpoints.live()),
                ApiRoute.get(Endpoints.INFERENCE_READY, null, "Open Inference Protocol: 200 once every routed version is loaded and "
                        + "warm, else 503 naming what is not; no token needed", (ctx, as) -> {
                            ScoringEndpoints.Readiness readiness = endpoints.ready();
                            ctx.status(readiness.ready() ? 200 : 503).json(readiness.body());
                            return null;
                        }),
                ApiRoute.get(Endpoints.INFERENCE_MODEL_READY, null, "Open Inference Protocol: 200 when this environment serves the use "
                        + "case, else 404; no token needed", (ctx, as) -> endpoints.modelReady(ctx.pathParam("use_case"))),
                ApiRoute.get(Endpoints.INFERENCE_MODEL, Permission.SCORE, "Open Inference Protocol: the model's metadata (the champion's "
                        + "inputs in order, the outputs, the versions routed)", (ctx, as) -> endpoints.modelMetadata(
                                users.activeActor(ApiServer.actorOf(ctx)), ctx.pathParam("use_case"))).returns(Inference.Metadata.class),
                ApiRoute.post(Endpoints.INFER, Permission.SCORE, "Open Inference Protocol: score rows given as tensors (one per feature, "
                                + "one [N, F] matrix, or customer tokens); each row is a decision, logged before the answer",
                        Inference.Request.class, 200, (ctx, as) -> endpoints.infer(users.activeActor(ApiServer.actorOf(ctx)),
                                ctx.pathParam("use_case"), ctx.bodyAsBytes(), ctx.contentType())).returns(Inference.Answer.class));
    }
}
