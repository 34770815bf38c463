package io.assay.scoring.xgboost;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.assay.core.error.AssayException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads JSON arrays of scalars into primitive arrays, each bounded by a maximum length checked
 * as the array grows (so a hostile file cannot make us allocate before it is refused); past it,
 * the caller's refusal is thrown.
 */
final class PrimitiveArrays {
    private final JsonParser parser;

    PrimitiveArrays(JsonParser parser) {
        this.parser = parser;
    }

    int[] ints(String what, long max, String refusal) throws IOException {
        start(what);
        int[] values = new int[initial(max)];
        int size = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw AssayException.invalid("'" + what + "' holds " + describe(token) + " where an integer belongs");
            }
            if (parser.getNumberType() != JsonParser.NumberType.INT) {
                throw AssayException.invalid("'" + what + "' holds " + parser.getText() + ", outside the 32-bit integer range");
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size, max, refusal));
            }
            values[size++] = parser.getIntValue();
        }
        return Arrays.copyOf(values, size);
    }

    /**
     * Float32 values, parsed from their decimal text straight to float (correctly rounded, as
     * XGBoost's own reader does), never through double: double rounding could move a split.
     */
    float[] floats(String what, long max, String refusal) throws IOException {
        start(what);
        float[] values = new float[initial(max)];
        int size = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
                throw AssayException.invalid("'" + what + "' holds " + describe(token) + " where a number belongs");
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size, max, refusal));
            }
            values[size++] = token == JsonToken.VALUE_NUMBER_INT ? Float.parseFloat(parser.getText()) : parser.getFloatValue();
        }
        return Arrays.copyOf(values, size);
    }

    /** 0/1 (what XGBoost writes) or true/false (what hand-written files say). */
    boolean[] flags(String what, long max, String refusal) throws IOException {
        start(what);
        boolean[] values = new boolean[initial(max)];
        int size = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            boolean value = switch (token) {
                case VALUE_TRUE -> true;
                case VALUE_FALSE -> false;
                case VALUE_NUMBER_INT -> switch (parser.getText()) {
                    case "0" -> false;
                    case "1" -> true;
                    default -> throw AssayException.invalid("'" + what + "' holds " + parser.getText() + " where 0 or 1 belongs");
                };
                default -> throw AssayException.invalid("'" + what + "' holds " + describe(token) + " where 0 or 1 belongs");
            };
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size, max, refusal));
            }
            values[size++] = value;
        }
        return Arrays.copyOf(values, size);
    }

    /** The length of an array whose values the scorer does not need (checked against num_nodes). */
    int count(String what, long max, String refusal) throws IOException {
        start(what);
        int size = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token.isStructStart()) {
                parser.skipChildren();
            }
            if (++size > max) {
                throw AssayException.invalid(refusal);
            }
        }
        return size;
    }

    List<String> strings(String what, long max, String refusal) throws IOException {
        start(what);
        List<String> values = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_STRING) {
                throw AssayException.invalid("'" + what + "' holds " + describe(token) + " where a string belongs");
            }
            if (values.size() == max) {
                throw AssayException.invalid(refusal);
            }
            values.add(parser.getText());
        }
        return List.copyOf(values);
    }

    private void start(String what) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            throw AssayException.invalid("'" + what + "' is " + describe(token) + ", not an array");
        }
    }

    private static int initial(long max) {
        return (int) Math.min(16, max);
    }

    private static int grown(int size, long max, String refusal) {
        if (size >= max) {
            throw AssayException.invalid(refusal);
        }
        return (int) Math.min(max, Math.max(16L, 2L * size));
    }


    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> token.name();
        };
    }
}
