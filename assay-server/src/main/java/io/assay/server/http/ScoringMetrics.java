package io.assay.server.http;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.serving.ScoreAnswer;
import io.assay.serving.ScoringService;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The data plane's figures for Prometheus: answers by use case, version and outcome, latency
 * histograms, refusals by error code, suppressions and skipped shadows. A use case nothing routes
 * is counted as {@code unrouted}, so a caller inventing names cannot grow the label set.
 */
final class ScoringMetrics {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final String UNROUTED = "unrouted";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ScoringService scoring;
    private final Counter answers;
    private final Counter refusals;
    private final Histogram latency;

    ScoringMetrics(ScoringService scoring) {
        this.scoring = scoring;
        answers = Counter.builder().name("assay_score_answers_total").help("Scoring answers by use case, model version and outcome "
                + "(scored or suppressed)").labelNames("use_case", "model_version", "outcome").register(registry);
        refusals = Counter.builder().name("assay_score_refusals_total").help("Scoring requests refused, by use case and error code")
                .labelNames("use_case", "code").register(registry);
        latency = Histogram.builder().name("assay_score_duration_seconds").help("Time from the request's body to its answer, by use case")
                .labelNames("use_case").classicOnly()
                .classicUpperBounds(0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1.0).register(registry);
        CounterWithCallback.builder().name("assay_shadows_skipped_total").help("Shadow scorings skipped because the shadow queue was full")
                .callback(callback -> callback.call(scoring.shadowsSkipped())).register(registry);
    }

    void answered(ScoreAnswer answer, long nanos) {
        answers.labelValues(answer.useCase(), String.valueOf(answer.modelVersion()), answer.suppressed() ? "suppressed" : "scored").inc();
        latency.labelValues(answer.useCase()).observe(nanos / 1e9);
    }

    void refused(String useCase, Exception failure) {
        // As Problems answers them: Javalin's own refusal of a body over the limit, and a value a record refuses.
        ErrorCode code = failure instanceof AssayException assay ? assay.code()
                : failure instanceof io.javalin.http.HttpResponseException http && http.getStatus() == 413 ? ErrorCode.REQUEST_TOO_LARGE
                : failure instanceof IllegalArgumentException ? ErrorCode.INVALID_ARGUMENT : ErrorCode.UNEXPECTED;
        refusals.labelValues(label(useCase), code.name()).inc();
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape(), io.prometheus.metrics.config.EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the metrics", e);
        }
        return out.toByteArray();
    }

    private String label(String useCase) {
        return scoring.router().route(useCase).isPresent() ? useCase : UNROUTED;
    }
}
