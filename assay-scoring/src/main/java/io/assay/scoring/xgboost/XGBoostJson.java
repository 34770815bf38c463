package io.assay.scoring.xgboost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.assay.core.error.AssayException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads the JSON model XGBoost writes ({@code booster.save_model("model.json")} in Python,
 * {@code booster.toByteArray("json")} in XGBoost4J) into a {@link TreeEnsemble}.
 *
 * <p>A model file is untrusted input. It is refused, with a message that says what is wrong,
 * unless it is an XGBoost gbtree JSON model with one logistic output that is sound and within
 * the {@link ModelLimits}. Nothing but this pure-Java reader ever touches the bytes: no pickle,
 * no Java serialisation, no native parser.
 */
public final class XGBoostJson {
    private static final String EXPORT_JSON = "export the model as JSON with booster.save_model(\"model.json\") in Python "
            + "(booster.saveModel(\"model.json\") in XGBoost4J)";
    /** What follows '{' in UBJSON: a key's length marker, or the typed-container markers. JSON has '"', '}' or blanks there. */
    private static final String UBJSON_AFTER_BRACE = "iUIlL$#";

    private XGBoostJson() {}

    public static TreeEnsemble read(byte[] bytes) {
        return read(bytes, ModelLimits.DEFAULTS);
    }

    public static TreeEnsemble read(byte[] bytes, ModelLimits limits) {
        return new TreeEnsemble(checked(bytes, limits));
    }

    /** The model in {@code bytes}, read and checked: what {@link TreeEnsemble} and the explainers are built from. */
    static CheckedModel checked(byte[] bytes, ModelLimits limits) {
        if (bytes == null || bytes.length == 0) {
            throw AssayException.invalid("the model file is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw AssayException.invalid("the model file is " + bytes.length + " bytes, over the limit of " + limits.maxBytes() + " bytes");
        }
        refuseKnownBinaries(bytes);
        ParsedModel parsed;
        try (JsonParser parser = factory(limits).createParser(bytes)) {
            parsed = new ModelJsonReader(parser, limits).read();
        } catch (StreamConstraintsException tooBig) {
            throw AssayException.invalid("the model JSON goes beyond a reading limit: " + tooBig.getOriginalMessage());
        } catch (JsonProcessingException malformed) {
            if (isTruncation(malformed)) {
                throw AssayException.invalid("the model JSON is truncated: the file (" + bytes.length + " bytes) ends before the JSON does");
            }
            JsonLocation at = malformed.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw AssayException.invalid("the model file is not valid JSON" + where + ": " + firstLine(malformed.getOriginalMessage()));
        } catch (IOException unexpected) {
            // A byte array cannot fail to be read; anything else is a bug worth seeing.
            throw new UncheckedIOException(unexpected);
        }
        return ModelChecks.check(parsed, limits);
    }

    /** Files that are models, but not in a form read here: say what they look like and how to get JSON. */
    private static void refuseKnownBinaries(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes.length > 1 ? bytes[1] & 0xff : -1;
        if (first == 0x80) {
            throw AssayException.invalid("the model file looks like a Python pickle (it starts with byte 0x80), not JSON; pickles can run "
                    + "code when loaded and are never read: " + EXPORT_JSON);
        }
        if (first == 0xAC && second == 0xED) {
            throw AssayException.invalid("the model file looks like a serialised Java object (it starts with 0xAC 0xED), not JSON; Java "
                    + "serialisation is never read: " + EXPORT_JSON);
        }
        if (first == 'P' && second == 'K') {
            throw AssayException.invalid("the model file looks like a zip archive (it starts with 'PK'), not JSON: " + EXPORT_JSON);
        }
        if (startsWith(bytes, "binf")) {
            throw AssayException.invalid("the model file is in XGBoost's old binary format, not JSON: " + EXPORT_JSON);
        }
        int at = 0;
        while (at < bytes.length && isBlank(bytes[at])) {
            at++;
        }
        if (at + 1 < bytes.length && bytes[at] == '{' && UBJSON_AFTER_BRACE.indexOf(bytes[at + 1]) >= 0) {
            throw AssayException.invalid("the model file looks like XGBoost's binary UBJSON format (.ubj), not JSON; binary models are "
                    + "not read: " + EXPORT_JSON);
        }
    }

    private static JsonFactory factory(ModelLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxBytes())
                .maxNestingDepth(32)
                .maxNumberLength(64)
                .maxStringLength(1 << 20)
                .build();
        return JsonFactory.builder()
                .streamReadConstraints(constraints)
                // So that a NaN condition is refused by name (non-finite) rather than as a syntax error.
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                // Two values for one key would let two readers see two different models.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Jackson reports an early end as JsonEOFException, or, between object entries, as a plain parse error. */
    private static boolean isTruncation(JsonProcessingException malformed) {
        String message = malformed.getOriginalMessage();
        return malformed instanceof JsonEOFException || (message != null && message.startsWith("Unexpected end-of-input"));
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        if (bytes.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
