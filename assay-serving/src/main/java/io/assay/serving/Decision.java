package io.assay.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One decision as the log keeps it: enough to say later what was decided about whom, with which
 * exact model, from which inputs, and why. The customer is the pseudonymised token, never a raw id.
 *
 * @param kind        {@code decision} for what was answered, {@code shadow} for a challenger scored beside it
 * @param servedBy    {@code champion} or {@code canary} (for a shadow: {@code shadow})
 * @param application who called: the business application's user
 * @param features    the inputs in signature order (null where missing)
 * @param outOfRange  inputs outside the training range, scored and flagged
 * @param reasons     the reasons the answer carried
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(
        @JsonProperty("kind") String kind,
        @JsonProperty("decision_id") String decisionId,
        @JsonProperty("at") Instant at,
        @JsonProperty("environment") String environment,
        @JsonProperty("use_case") String useCase,
        @JsonProperty("model_version") int modelVersion,
        @JsonProperty("served_by") String servedBy,
        @JsonProperty("routing_revision") long routingRevision,
        @JsonProperty("customer") String customer,
        @JsonProperty("application") String application,
        @JsonProperty("features") Map<String, Double> features,
        @JsonProperty("out_of_range") List<String> outOfRange,
        @JsonProperty("score") Double score,
        @JsonProperty("reasons") List<ScoreAnswer.Reason> reasons,
        @JsonProperty("error") String error) {

    public static final String DECISION = "decision";
    public static final String SHADOW = "shadow";
    /** A marketing use case asked about a customer who objects: not scored, and logged so. */
    public static final String SUPPRESSED = "suppressed";

    public Decision {
        requireNonNull(kind, "kind is null");
        requireNonNull(decisionId, "decisionId is null");
        requireNonNull(at, "at is null");
        requireNonNull(useCase, "useCase is null");
        if (score == null && error == null) {
            throw new IllegalArgumentException("a decision holds a score or the error that kept it from one");
        }
        features = features == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(features));
        outOfRange = outOfRange == null ? null : List.copyOf(outOfRange);
        reasons = reasons == null ? null : List.copyOf(reasons);
    }
}
