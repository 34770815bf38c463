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

    /**
     * A signature a person wrote ({@code {output, inputs: [{name, type, nullable, min?, max?}]}}),
     * checked key by key so a mistake is named in words, never as a Java type.
     */
    public static BundleSignature parse(com.fasterxml.jackson.databind.JsonNode root, String where) {
        if (root == null || !root.isObject()) {
            throw AssayException.invalid(where + " is not a mapping with output and inputs");
        }
        for (java.util.Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("output") && !key.equals("inputs")) {
                throw AssayException.invalid(where + " has an unknown key '" + key + "'; it takes output and inputs");
            }
        }
        if (!root.path("output").isTextual()) {
            throw AssayException.invalid(where + " lacks output (the name of what the model answers, e.g. probability)");
        }
        if (!root.path("inputs").isArray()) {
            throw AssayException.invalid(where + " lacks inputs, a list of {name, type, nullable}");
        }
        List<Input> inputs = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode input : root.get("inputs")) {
            if (!input.isObject() || !input.path("name").isTextual()) {
                throw AssayException.invalid(where + " has an input that is not {name, type, nullable}");
            }
            String name = input.get("name").asText();
            for (java.util.Iterator<String> keys = input.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!java.util.Set.of("name", "type", "nullable", "min", "max").contains(key)) {
                    throw AssayException.invalid(where + " input " + name + " has an unknown key '" + key + "'");
                }
            }
            Type type;
            try {
                type = Type.valueOf(input.path("type").asText());
            } catch (IllegalArgumentException e) {
                throw AssayException.invalid(where + " input " + name + " has type '" + input.path("type").asText()
                        + "'; types are DOUBLE, INTEGER, BOOLEAN");
            }
            for (String bound : List.of("min", "max")) {
                if (input.has(bound) && !input.get(bound).isNumber()) {
                    throw AssayException.invalid(where + " input " + name + " has a " + bound + " that is not a number");
                }
            }
            if (input.has("nullable") && !input.get("nullable").isBoolean()) {
                throw AssayException.invalid(where + " input " + name + " has nullable that is not true or false");
            }
            inputs.add(new Input(name, type, input.path("nullable").asBoolean(true), input.has("min") ? input.get("min").asDouble() : null,
                    input.has("max") ? input.get("max").asDouble() : null));
        }
        return new BundleSignature(root.get("output").asText(), inputs);
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
