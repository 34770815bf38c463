package io.assay.scoring.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.assay.core.error.AssayException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the model takes, in the order it takes it: each input's name, type, whether it may be
 * missing, and the range the training rows spanned. A row is scored as float32 values in this order.
 */
public record BundleSignature(@JsonProperty("output") String output, @JsonProperty("inputs") List<Input> inputs) {
    public BundleSignature {
        requireNonNull(output, "output is null");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        if (inputs.isEmpty()) {
            throw AssayException.invalid("a signature needs at least one input");
        }
        Set<String> names = new HashSet<>();
        for (Input input : inputs) {
            if (!names.add(input.name())) {
                throw AssayException.invalid("the signature names input " + input.name() + " twice");
            }
        }
    }

    public List<String> names() {
        return inputs.stream().map(Input::name).toList();
    }

    /** One input; {@code min} and {@code max} are null when the training rows had none (all missing). */
    public record Input(@JsonProperty("name") String name, @JsonProperty("type") Type type, @JsonProperty("nullable") boolean nullable,
                        @JsonProperty("min") Double min, @JsonProperty("max") Double max) {
        public Input {
            if (name == null || name.isBlank()) {
                throw AssayException.invalid("a signature input has no name");
            }
            requireNonNull(type, "type of " + name + " is null");
            if (min != null && max != null && min > max) {
                throw AssayException.invalid("signature input " + name + " has min " + min + " above max " + max);
            }
        }
    }

    /** The feature types a model takes: numbers, whole numbers, and booleans scored as 0 and 1. */
    public enum Type {
        DOUBLE,
        INTEGER,
        BOOLEAN
    }
}
