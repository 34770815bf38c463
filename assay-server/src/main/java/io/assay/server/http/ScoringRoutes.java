package io.assay.server.http;

import io.assay.api.Endpoints;
import io.assay.api.Requests.Score;
import io.assay.core.access.Permission;
import io.assay.core.access.UserService;
import io.assay.serving.ScoreAnswer;
import io.assay.serving.ScoreCall;
import io.assay.serving.ScoringService;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.serving.ModelRouter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The business scoring API: one stable answer shape, whichever version the environment's routing has answer. */
final class ScoringRoutes {
    private ScoringRoutes() {}

    static List<ApiRoute> routes(ScoringService scoring, UserService users) {
        ScoringMetrics metrics = new ScoringMetrics(scoring);
        return List.of(ApiRoute.post(Endpoints.SCORE, Permission.SCORE, "Score one customer ({\"customer\": token}, features from the "
                                + "serving table) or given features ({\"features\": {name: value}}) with what this environment routes; the "
                                + "decision is logged before the answer",
                        Score.class, 200, (ctx, as) -> {
                            long start = System.nanoTime();
                            String useCase = ctx.pathParam("use_case");
                            try {
                                Score body = Bodies.read(ctx, Score.class);
                                ScoreAnswer answer = scoring.score(users.activeActor(ApiServer.actorOf(ctx)), new ScoreCall(useCase,
                                        body.customer(), body.features(), body.reasons().orElse(ScoreCall.DEFAULT_REASONS)));
                                metrics.answered(answer, System.nanoTime() - start);
                                return answer;
                            } catch (RuntimeException e) {
                                metrics.refused(useCase, e);
                                throw e;
                            }
                        }).returns(ScoreAnswer.class),
                ApiRoute.get(Endpoints.METRICS, null, "The data plane's figures in the Prometheus text format; no token needed",
                        (ctx, as) -> {
                            ctx.status(200).contentType(ScoringMetrics.CONTENT_TYPE).result(metrics.scrape());
                            return null;
                        }),
                ApiRoute.get(Endpoints.INFERENCE_LIVE, null, "Open Inference Protocol: the data plane is up; no token needed",
                        (ctx, as) -> Map.of("live", true)),
                ApiRoute.get(Endpoints.INFERENCE_READY, null, "Open Inference Protocol: 200 once every routed version is loaded and "
                        + "warm, else 503 naming what is not; no token needed", (ctx, as) -> {
                            ModelRouter.Readiness readiness = scoring.router().readiness();
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("ready", readiness.ready());
                            body.put("champions", readiness.champions());
                            body.put("not_served", readiness.notServed());
                            ctx.status(readiness.ready() ? 200 : 503).json(body);
                            return null;
                        }),
                ApiRoute.get(Endpoints.INFERENCE_MODEL_READY, null, "Open Inference Protocol: 200 when this environment serves the use "
                        + "case, else 404; no token needed", (ctx, as) -> {
                            String useCase = ctx.pathParam("use_case");
                            var route = scoring.router().route(useCase).orElseThrow(() -> AssayException.notFound("nothing serves use case "
                                    + Names.quoted(useCase) + " in " + scoring.router().environment()));
                            return Map.of("name", useCase, "ready", true, "version", route.champion().version());
                        }));
    }
}
