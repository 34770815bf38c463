package io.assay.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the bytes of a request body into its wire record, or into one INVALID_ARGUMENT that
 * names the field and says what it should be in JSON's words ("a whole number", "text"), never
 * Java's. Whatever it refuses, it refuses before anything is read or changed.
 */
public final class JsonRequests {
    /** Fields Assay sets itself; naming one in a body is an attempt at mass assignment, and said so. */
    private static final Set<String> SET_BY_ASSAY = Set.of("stage", "author", "reviewer", "approver", "approved_by", "revision",
            "created_by", "recorded_by", "evidence_digest", "actor");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,100})'");
    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private JsonRequests() {}

    public static <T> T parse(byte[] body, Class<T> type) {
        JsonNode tree = tree(body);
        if (!tree.isObject()) {
            throw AssayException.invalid("the body must be a JSON object " + fieldsOf(type) + ", not " + describe(tree));
        }
        requireSoundValues(tree, "");
        T value;
        try {
            value = Wire.JSON.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String field = e.getPropertyName();
            if (SET_BY_ASSAY.contains(field)) {
                throw AssayException.invalid("field " + Names.quoted(field) + " is set by Assay, never by a request; this request takes "
                        + fieldsOf(type));
            }
            throw AssayException.invalid("unknown field " + Names.quoted(field) + "; this request takes " + fieldsOf(type));
        } catch (JsonMappingException e) {
            throw mismatch(e, tree);
        } catch (JsonProcessingException e) {
            throw AssayException.invalid("the body does not fit this request, which takes " + fieldsOf(type));
        }
        requirePresent(value, "");
        return value;
    }

    /** How a request's fields read in an error: {user, label?, expires?} (a ? marks one that may be left out). */
    public static String fieldsOf(Class<?> type) {
        if (!type.isRecord()) {
            return "{}";
        }
        return "{" + java.util.Arrays.stream(type.getRecordComponents())
                .map(c -> SNAKE.translate(c.getName()) + (c.getType() == Optional.class ? "?" : ""))
                .collect(Collectors.joining(", ")) + "}";
    }

    private static JsonNode tree(byte[] body) {
        try {
            return Wire.JSON.readTree(body);
        } catch (StreamConstraintsException e) {
            throw AssayException.invalid(limitExceeded(String.valueOf(e.getMessage())));
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw AssayException.invalid("field " + Names.quoted(duplicate.group(1)) + " appears twice; name each field once");
            }
            if (e instanceof MismatchedInputException) {
                throw AssayException.invalid("the body holds more than one JSON value; send one object");
            }
            var where = e.getLocation();
            throw AssayException.invalid("the body is not valid JSON in UTF-8" + (where == null ? ""
                    : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        } catch (IOException e) {
            throw AssayException.invalid("the body cannot be read");
        }
    }

    private static String limitExceeded(String message) {
        if (message.contains("nesting")) {
            return "the body nests deeper than " + Wire.MAX_DEPTH + " levels";
        }
        if (message.contains("Number")) {
            return "a number in the body has more than " + Wire.MAX_NUMBER_DIGITS + " digits";
        }
        return "the body holds a text or name longer than a request may";
    }

    /** Text must be whole Unicode (a lone surrogate would be stored as '?'), numbers finite. */
    private static void requireSoundValues(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                requireWholeUnicode(field.getKey(), at, "its name");
                requireSoundValues(field.getValue(), at);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireSoundValues(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isTextual()) {
            requireWholeUnicode(node.textValue(), path, "its text");
        } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw AssayException.invalid("field " + Names.quoted(path) + " holds a number too large to be one");
        }
    }

    private static void requireWholeUnicode(String text, String path, String part) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw AssayException.invalid("field " + Names.quoted(Names.printable(path, 100)) + " has a lone UTF-16 surrogate (\\u"
                        + Integer.toHexString(c) + ") in " + part + "; send whole Unicode characters");
            }
        }
    }

    private static AssayException mismatch(JsonMappingException e, JsonNode tree) {
        String path = e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : "[" + reference.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
        JsonNode given = tree;
        for (JsonMappingException.Reference reference : e.getPath()) {
            given = reference.getFieldName() != null ? given.path(reference.getFieldName()) : given.path(reference.getIndex());
        }
        Class<?> target = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType()
                : e.getCause() instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
        String expected = target == null ? "of another kind" : expected(target);
        if (e.getCause() instanceof InputCoercionException) {
            return AssayException.invalid("field " + Names.quoted(path) + " must be " + expected + " in range, not " + describe(given));
        }
        return AssayException.invalid("field " + Names.quoted(path) + " must be " + expected + ", not " + describe(given));
    }

    /** What a Java type is called in JSON. */
    static String expected(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date written yyyy-MM-dd";
        }
        if (type == Instant.class) {
            return "a time written like 2026-12-03T09:00:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object" + (type.isRecord() ? " " + fieldsOf(type) : "");
        }
        return "a JSON value of another kind";
    }

    /** A value as the client sent it, in a few words and never long. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "the text " + Names.quoted(Names.printable(node.textValue(), 40));
        }
        if (node.isNumber()) {
            String digits = node.asText();
            return digits.length() > 24 ? "a " + digits.length() + "-character number" : "the number " + digits;
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        return node.isArray() ? "a list" : "an object";
    }

    /** Every field that is not Optional must be there, in nested records too, and no list or map may hold a null. */
    private static void requirePresent(Object value, String path) {
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            String at = (path.isEmpty() ? "" : path + ".") + SNAKE.translate(component.getName());
            Object field;
            try {
                field = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + at, e);
            }
            if (field == null) {
                throw AssayException.invalid("field " + Names.quoted(at) + " is required: " + expected(component.getType())
                        + expectedContent(component.getGenericType()));
            }
            Object inside = field instanceof Optional<?> optional ? optional.orElse(null) : field;
            if (inside instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) == null) {
                        throw AssayException.invalid("field " + Names.quoted(at + "[" + i + "]") + " is null; a list holds values only");
                    }
                    requirePresent(list.get(i), at + "[" + i + "]");
                }
            } else if (inside instanceof Map<?, ?> map && map.containsValue(null)) {
                throw AssayException.invalid("field " + Names.quoted(at) + " holds a null; an object of this request holds values only");
            } else {
                requirePresent(inside, at);
            }
        }
    }

    private static String expectedContent(Type generic) {
        if (generic instanceof ParameterizedType parameterized && List.class == parameterized.getRawType()
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element == String.class ? " of text values" : element == Integer.class ? " of whole numbers" : "";
        }
        return "";
    }
}
