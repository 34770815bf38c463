package io.assay.serving;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The business API's answer, the same shape for every model version: which decision, which exact
 * version made it, the score, the reasons and when. A new iteration changes the figures, never this.
 * A customer who objects to marketing gets no score from a marketing use case: {@code suppressed}
 * is true, the score null and the reasons empty, so the application knows to leave them out.
 */
public record ScoreAnswer(@JsonProperty("decisionId") String decisionId, @JsonProperty("useCase") String useCase,
                          @JsonProperty("modelVersion") int modelVersion, @JsonProperty("score") Double score,
                          @JsonProperty("reasons") List<Reason> reasons, @JsonProperty("outOfRange") List<String> outOfRange,
                          @JsonProperty("servedAt") Instant servedAt, @JsonProperty("suppressed") boolean suppressed) {
    public ScoreAnswer(String decisionId, String useCase, int modelVersion, double score, List<Reason> reasons, List<String> outOfRange,
                       Instant servedAt) {
        this(decisionId, useCase, modelVersion, Double.valueOf(score), reasons, outOfRange, servedAt, false);
    }

    public static ScoreAnswer suppressed(String decisionId, String useCase, int modelVersion, Instant servedAt) {
        return new ScoreAnswer(decisionId, useCase, modelVersion, null, List.of(), List.of(), servedAt, true);
    }

    public ScoreAnswer {
        requireNonNull(decisionId, "decisionId is null");
        requireNonNull(useCase, "useCase is null");
        reasons = List.copyOf(reasons);
        outOfRange = List.copyOf(outOfRange);
        requireNonNull(servedAt, "servedAt is null");
        if (suppressed != (score == null)) {
            throw new IllegalStateException("an answer holds a score unless it is suppressed");
        }
        if (score != null && !Double.isFinite(score)) {
            throw new IllegalStateException("a score of " + useCase + " v" + modelVersion + " is not finite");
        }
    }

    /** One reason for the score: a code from the use case's catalogue, the feature, which way it pushed, and the words. */
    public record Reason(@JsonProperty("code") String code, @JsonProperty("feature") String feature,
                         @JsonProperty("direction") String direction, @JsonProperty("text") String text) {
    }
}
