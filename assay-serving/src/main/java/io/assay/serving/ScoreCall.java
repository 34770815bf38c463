package io.assay.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.error.AssayException;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One request to score: a customer by token (features from the serving table), or the features
 * themselves; a customer given with features decides only which side of a canary the call is on.
 */
public record ScoreCall(String useCase, Optional<String> customer, Optional<JsonNode> features, int reasons) {
    /** Reasons in an answer unless the caller asks for another number. */
    public static final int DEFAULT_REASONS = 3;

    public ScoreCall(String useCase, Optional<String> customer, Optional<JsonNode> features) {
        this(useCase, customer, features, DEFAULT_REASONS);
    }

    /**
     * @param reasons how many reasons the answer carries: 0 for none (cheaper), -1 for all
     */
    public ScoreCall {
        if (reasons < -1 || reasons > 1_000) {
            throw AssayException.invalid("reasons is " + reasons + "; ask for 0 (none) to 1000, or -1 for all");
        }
        requireNonNull(useCase, "useCase is null");
        requireNonNull(customer, "customer is null");
        // "features": null is no features, as a client that writes every field sends it.
        features = requireNonNull(features, "features is null").filter(node -> !node.isNull() && !node.isMissingNode());
        if (customer.isEmpty() && features.isEmpty()) {
            throw AssayException.invalid("a score request names a customer (\"customer\": token) or gives its features "
                    + "(\"features\": {...})");
        }
        customer.ifPresent(token -> {
            if (token.isBlank() || token.length() > 128) {
                throw AssayException.invalid("a customer token is 1 to 128 characters");
            }
        });
    }
}
