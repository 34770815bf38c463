package io.assay.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.error.AssayException;
import io.assay.scoring.bundle.BundleSignature;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One request's features, checked against the signature of the model that will score them and
 * laid out as that model's row. Nothing is ever filled in: a missing, unknown, mistyped or
 * non-finite feature refuses the whole row with every such field named, because a score made
 * from silent defaults is a wrong decision nobody can see. Null is a missing value, and only a
 * nullable input takes it.
 *
 * @param row        the model's row in signature order (float32; NaN is missing)
 * @param values     the values as given, in signature order (null where missing), for the decision log
 * @param outOfRange the inputs whose value lies outside what the training rows spanned: beyond their range, or missing
 *                   (in a serving table's row) where no training row lacked it
 */
public record FeatureRow(float[] row, List<Double> values, List<String> outOfRange) {
    /** How many fields a refusal names before it says "and N more". */
    private static final int NAMED_AT_MOST = 20;

    public FeatureRow {
        requireNonNull(row, "row is null");
        values = java.util.Collections.unmodifiableList(new ArrayList<>(requireNonNull(values, "values is null")));
        outOfRange = List.copyOf(requireNonNull(outOfRange, "outOfRange is null"));
    }

    /** What to do with a value outside the signature's range: score it and say so, or refuse it. */
    public enum RangePolicy {
        FLAG,
        REFUSE
    }

    /**
     * @param features a JSON object of feature name to value
     * @param model    names the model in a refusal ("overdraft-40d v2")
     */
    public static FeatureRow check(JsonNode features, BundleSignature signature, RangePolicy policy, String model) {
        return check(features, signature, policy, model, false);
    }

    /**
     * @param othersAllowed the features come from a serving table, which holds every column of the use case's views (the
     *                      segments too) while a version takes only its own, and may lack a value the training rows all had
     *                      (flagged); a caller's own features must be exactly the model's
     */
    public static FeatureRow check(JsonNode features, BundleSignature signature, RangePolicy policy, String model, boolean othersAllowed) {
        if (features == null || !features.isObject()) {
            throw AssayException.invalid("features must be a JSON object of feature name to value; " + model + " takes "
                    + named(signature.names()));
        }
        List<BundleSignature.Input> inputs = signature.inputs();
        Set<String> known = Set.copyOf(signature.names());
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Iterator<String> names = features.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!othersAllowed && !known.contains(name)) {
                unknown.add(io.assay.core.common.Names.printable(name, 80));
            }
        }
        float[] row = new float[inputs.size()];
        List<Double> values = new ArrayList<>(inputs.size());
        for (int j = 0; j < inputs.size(); j++) {
            BundleSignature.Input input = inputs.get(j);
            JsonNode value = features.get(input.name());
            values.add(null);
            row[j] = Float.NaN;
            if (value == null) {
                missing.add(input.name());
                continue;
            }
            if (value.isNull()) {
                if (!input.nullable() && othersAllowed) {
                    // The platform's own table has no value (a customer too new for a 7-day average): the model's missing
                    // branch scores it, and the decision flags it, as the training rows never lacked it.
                    outside.add(input.name());
                } else if (!input.nullable()) {
                    wrong.add(input.name() + " is null, but it may not be missing");
                }
                continue;
            }
            String problem = problem(input, value);
            if (problem != null) {
                wrong.add(input.name() + " " + problem);
                continue;
            }
            double number = value.isBoolean() ? (value.booleanValue() ? 1 : 0) : value.doubleValue();
            row[j] = (float) number;
            values.set(j, number);
            if ((input.min() != null && number < input.min()) || (input.max() != null && number > input.max())) {
                outside.add(input.name());
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing " + named(missing) + " (send null for a missing value of a nullable feature)");
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown " + named(unknown));
        }
        if (!wrong.isEmpty()) {
            problems.add(String.join("; ", wrong.subList(0, Math.min(wrong.size(), NAMED_AT_MOST)))
                    + (wrong.size() > NAMED_AT_MOST ? "; and " + (wrong.size() - NAMED_AT_MOST) + " more" : ""));
        }
        if (policy == RangePolicy.REFUSE && !outside.isEmpty()) {
            problems.add("outside the range the model was trained on: " + named(outside));
        }
        if (!problems.isEmpty()) {
            throw AssayException.invalid("the features do not fit " + model + ": " + String.join("; ", problems));
        }
        return new FeatureRow(row, values, outside);
    }

    private static String problem(BundleSignature.Input input, JsonNode value) {
        return switch (input.type()) {
            case BOOLEAN -> value.isBoolean() || (value.isNumber() && (value.doubleValue() == 0 || value.doubleValue() == 1))
                    ? null : "must be true or false (or 1 or 0), not " + kind(value);
            case INTEGER -> !value.isNumber() ? "must be a whole number, not " + kind(value)
                    : !finite(value) ? "is beyond the range of a number the model takes"
                    : value.doubleValue() != Math.rint(value.doubleValue()) ? "must be a whole number, not " + value.asText() : null;
            case DOUBLE -> !value.isNumber() ? "must be a number, not " + kind(value)
                    : !finite(value) ? "is beyond the range of a number the model takes" : null;
        };
    }

    /** A value float32 holds: 1e309 and 1e39 are not numbers a model can be scored on. */
    private static boolean finite(JsonNode value) {
        double number = value.doubleValue();
        return Double.isFinite(number) && Float.isFinite((float) number);
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "text";
        }
        if (value.isBoolean()) {
            return "true/false";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.isNumber() ? "a number" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String named(List<String> names) {
        if (names.size() <= NAMED_AT_MOST) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMED_AT_MOST)) + " and " + (names.size() - NAMED_AT_MOST) + " more";
    }
}
