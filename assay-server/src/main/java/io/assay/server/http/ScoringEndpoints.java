package io.assay.server.http;

import io.assay.api.Inference;
import io.assay.api.Requests.Score;
import io.assay.core.access.Actor;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.serving.ModelRouter;
import io.assay.serving.ScoreAnswer;
import io.assay.serving.ScoreCall;
import io.assay.serving.ScoringService;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What the data plane's routes do, whichever HTTP server carries them (Javalin beside the control
 * plane, or the scoring-only process's own): the same body rules, the same answers, the same
 * figures, so a business application cannot tell them apart.
 */
final class ScoringEndpoints {
    private final ScoringService scoring;
    private final ScoringMetrics metrics;
    private final OpenInference inference;

    ScoringEndpoints(ScoringService scoring) {
        this.scoring = requireNonNull(scoring, "scoring is null");
        this.metrics = new ScoringMetrics(scoring);
        this.inference = new OpenInference(scoring);
    }

    /** One scoring call, counted in the figures whether it is answered or refused. */
    ScoreAnswer score(Actor caller, String useCase, byte[] body, String contentType) {
        long start = System.nanoTime();
        try {
            Score call = Bodies.read(body, contentType, Score.class);
            ScoreAnswer answer = scoring.score(caller, new ScoreCall(useCase, call.customer(), call.features(),
                    call.reasons().orElse(ScoreCall.DEFAULT_REASONS)));
            metrics.answered(answer, System.nanoTime() - start);
            return answer;
        } catch (RuntimeException e) {
            metrics.refused(useCase, e);
            throw e;
        }
    }

    /** The Open Inference Protocol's inference call: rows as tensors, each row a decision, counted like the business API's. */
    Inference.Answer infer(Actor caller, String useCase, byte[] body, String contentType) {
        long start = System.nanoTime();
        try {
            OpenInference.Inferred inferred = inference.infer(caller, useCase, Bodies.read(body, contentType, Inference.Request.class));
            long nanos = System.nanoTime() - start;
            inferred.decisions().forEach(decision -> metrics.answered(decision, nanos));
            return inferred.answer();
        } catch (RuntimeException e) {
            metrics.refused(useCase, e);
            throw e;
        }
    }

    Inference.Metadata modelMetadata(Actor caller, String useCase) {
        return inference.metadata(caller, useCase);
    }

    /** A refusal that came before the body was read (no token, a body over the limit), counted like the others. */
    void refused(String useCase, RuntimeException failure) {
        metrics.refused(useCase, failure);
    }

    byte[] metrics() {
        return metrics.scrape();
    }

    static String metricsContentType() {
        return ScoringMetrics.CONTENT_TYPE;
    }

    Map<String, Object> live() {
        return Map.of("live", true);
    }

    /** Ready when every routed version is loaded and warm; the body names what is not. */
    Readiness ready() {
        ModelRouter.Readiness readiness = scoring.router().readiness();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", readiness.ready());
        body.put("champions", readiness.champions());
        body.put("not_served", readiness.notServed());
        return new Readiness(readiness.ready(), body);
    }

    record Readiness(boolean ready, Map<String, Object> body) {
    }

    Map<String, Object> modelReady(String useCase) {
        var route = scoring.router().route(useCase).orElseThrow(() -> AssayException.notFound("nothing serves use case "
                + Names.quoted(useCase) + " in " + scoring.router().environment()));
        return Map.of("name", useCase, "ready", true, "version", route.champion().version());
    }
}
