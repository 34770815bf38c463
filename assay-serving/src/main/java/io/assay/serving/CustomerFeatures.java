package io.assay.serving;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Port: a customer's features as of the newest serving table, by pseudonymised token, held in
 * memory by the adapter (the data plane reads no database per request).
 */
@FunctionalInterface
public interface CustomerFeatures {
    /** The customer's features for {@code useCase} (name to value, null where missing), if the table holds the customer. */
    Optional<ObjectNode> features(String useCase, String customerToken);

    CustomerFeatures NONE = (useCase, token) -> Optional.empty();
}
