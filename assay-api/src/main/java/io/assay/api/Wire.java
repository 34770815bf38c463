package io.assay.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of the API, used by the server, its client and the CLI's --json output,
 * so the same request reads the same everywhere. Fields are snake_case; a request with a field
 * it does not take is refused (that is how stage, author or approver fields never sneak in), so
 * is a field named twice (the last would win unseen), a fraction where a whole number belongs,
 * and a document nested or numbered beyond what any request of ours needs.
 */
public final class Wire {
    /** No request of ours nests deeper than a few levels; a deeper one is an attack or a mistake. */
    public static final int MAX_DEPTH = 32;
    /** Digits a number may have: far beyond any id, count or figure, far below what costs time to parse. */
    public static final int MAX_NUMBER_DIGITS = 100;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_NUMBER_DIGITS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public static final ObjectMapper JSON = JsonMapper.builder(FACTORY)
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // A null inside a list or map ("shadows": [null]) is bad input, answered as such.
            .withConfigOverride(java.util.List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
            .withConfigOverride(java.util.Map.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
            // Text is text: 1, 1.5 or true where text belongs is refused, not turned into "1".
            .withCoercionConfig(LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** For reading the server's answers: a field a newer server adds must not break an older client. */
    public static final ObjectMapper ANSWERS = JSON.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Wire() {}
}
