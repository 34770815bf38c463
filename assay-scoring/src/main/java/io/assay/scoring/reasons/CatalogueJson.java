package io.assay.scoring.reasons;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The catalogue file, read field by field so that a mistake is named in words: which field,
 * which reason, which value. The record's own checks (codes, texts, duplicates) are reported
 * with the file's name in front.
 */
final class CatalogueJson {
    private static final List<String> FIELDS = List.of("reason_format", "use_case", "catalogue_version", "reasons");
    private static final List<String> REASON_FIELDS = List.of("feature", "code", "up", "down");
    /** Two values for one key would let two readers see two different catalogues. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private CatalogueJson() {}

    static ReasonCatalogue parse(byte[] json, String where) {
        JsonNode root = tree(json, where);
        if (!root.isObject()) {
            throw AssayException.invalid(where + " is not a JSON object {reason_format, use_case, catalogue_version, reasons}");
        }
        refuseUnknown(root, FIELDS, where + " has an unknown field ", "; a catalogue has " + String.join(", ", FIELDS));
        int format = integer(root, "reason_format", where);
        if (format != ReasonCatalogue.FORMAT) {
            throw AssayException.invalid(where + " has reason_format " + format + "; this Assay reads reason_format "
                    + ReasonCatalogue.FORMAT);
        }
        String useCase = text(root, "use_case", where);
        int version = integer(root, "catalogue_version", where);
        if (version < 1) {
            throw AssayException.invalid(where + " has catalogue_version " + version
                    + "; a declared catalogue is numbered from 1 (0 is the generic fallback)");
        }
        JsonNode reasons = root.path("reasons");
        if (!reasons.isArray() || reasons.isEmpty()) {
            throw AssayException.invalid(where + " has no reasons: list them as [{feature, code, up, down}], or declare no "
                    + "catalogue to get the generic one");
        }
        List<ReasonCatalogue.Entry> entries = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            entries.add(entry(reasons.get(i), where + " reason " + (i + 1)));
        }
        try {
            return new ReasonCatalogue(useCase, version, entries);
        } catch (AssayException refused) {
            throw AssayException.invalid(where + ": " + refused.getMessage());
        }
    }

    private static ReasonCatalogue.Entry entry(JsonNode reason, String where) {
        if (!reason.isObject()) {
            throw AssayException.invalid(where + " is not an object {feature, code, up, down}");
        }
        String feature = text(reason, "feature", where);
        String named = where + " (" + feature + ")";
        refuseUnknown(reason, REASON_FIELDS, named + " has an unknown field ", "; a reason has " + String.join(", ", REASON_FIELDS));
        String code = text(reason, "code", named);
        String up = text(reason, "up", named);
        String down = text(reason, "down", named);
        try {
            return new ReasonCatalogue.Entry(feature, code, up, down);
        } catch (AssayException refused) {
            throw AssayException.invalid(where + ": " + refused.getMessage());
        }
    }

    static byte[] write(ReasonCatalogue catalogue) {
        ObjectNode root = JSON.createObjectNode().put("reason_format", ReasonCatalogue.FORMAT).put("use_case", catalogue.useCase())
                .put("catalogue_version", catalogue.catalogueVersion());
        ArrayNode reasons = root.putArray("reasons");
        for (ReasonCatalogue.Entry entry : catalogue.reasons()) {
            reasons.addObject().put("feature", entry.feature()).put("code", entry.code()).put("up", entry.up()).put("down", entry.down());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            // A tree of strings and ints always writes.
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] json, String where) {
        if (json == null || json.length == 0) {
            throw AssayException.invalid(where + " is empty");
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw AssayException.invalid(where + " is empty");
            }
            return root;
        } catch (JsonProcessingException malformed) {
            String at = malformed.getLocation() == null ? ""
                    : " at line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr();
            throw AssayException.invalid(where + " is not valid JSON" + at + ": " + firstWords(malformed.getOriginalMessage()));
        } catch (IOException unexpected) {
            // A byte array cannot fail to be read.
            throw new UncheckedIOException(unexpected);
        }
    }

    /** Jackson's message without what follows its first line or its account of where it started reading. */
    private static String firstWords(String message) {
        if (message == null) {
            return "malformed";
        }
        String first = message.lines().findFirst().orElse("malformed");
        for (String noise : new String[] {" (for ", " (start marker", " at [Source", "[Source"}) {
            int at = first.indexOf(noise);
            if (at > 0) {
                first = first.substring(0, at);
            }
        }
        return first.strip();
    }

    private static void refuseUnknown(JsonNode node, List<String> fields, String prefix, String suffix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw AssayException.invalid(prefix + Names.quoted(name) + suffix);
            }
        }
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw AssayException.invalid(where + " has no " + field);
        }
        if (!value.isInt()) {
            throw AssayException.invalid(where + " has " + field + " " + Names.quoted(value.toString()) + ", not a whole number");
        }
        return value.intValue();
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw AssayException.invalid(where + " has no " + field);
        }
        if (!value.isTextual()) {
            throw AssayException.invalid(where + " has " + field + " " + Names.quoted(value.toString()) + ", not a string");
        }
        return value.textValue();
    }
}
