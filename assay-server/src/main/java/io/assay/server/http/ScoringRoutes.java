package io.assay.server.http;

import io.assay.api.Endpoints;
import io.assay.api.Requests.Score;
import io.assay.core.access.Permission;
import io.assay.core.access.UserService;
import io.assay.serving.ScoreAnswer;
import io.assay.serving.ScoreCall;
import io.assay.serving.ScoringService;

import java.util.List;

/** The business scoring API: one stable answer shape, whichever version the environment's routing has answer. */
final class ScoringRoutes {
    private ScoringRoutes() {}

    static List<ApiRoute> routes(ScoringService scoring, UserService users) {
        return List.of(ApiRoute.post(Endpoints.SCORE, Permission.SCORE, "Score one customer ({\"customer\": token}, features from the "
                                + "serving table) or given features ({\"features\": {name: value}}) with what this environment routes; the "
                                + "decision is logged before the answer",
                        Score.class, 200, (ctx, as) -> {
                            Score body = Bodies.read(ctx, Score.class);
                            return scoring.score(users.activeActor(ApiServer.actorOf(ctx)),
                                    new ScoreCall(ctx.pathParam("use_case"), body.customer(), body.features(),
                                            body.reasons().orElse(ScoreCall.DEFAULT_REASONS)));
                        }).returns(ScoreAnswer.class));
    }
}
