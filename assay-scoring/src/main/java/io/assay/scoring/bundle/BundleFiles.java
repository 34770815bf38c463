package io.assay.scoring.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.error.AssayException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link ModelBundle} as a zip of stored (uncompressed) parts in a fixed order with a
 * fixed time, so the same bundle is always the same bytes, and reads one back refusing anything
 * it cannot vouch for: an unknown format, a missing or extra part, a part whose bytes no longer
 * hash to what the manifest says, or sizes past the limits.
 */
public final class BundleFiles {
    public static final String MANIFEST = "manifest.json";
    public static final String MODEL = "model.json";
    public static final String SIGNATURE = "signature.json";
    public static final String PROVENANCE = "provenance.json";
    public static final String REFERENCE = "reference.json";
    public static final String METRIC_SPEC = "metric-spec.json";
    private static final List<String> PARTS = List.of(MODEL, SIGNATURE, PROVENANCE, REFERENCE, METRIC_SPEC);
    /** Larger than any model the limits of the scorer accept, small enough to refuse a zip bomb. */
    public static final int MAX_PART_BYTES = 256 << 20;
    /** 1980-01-01, the zip format's first day: no bundle carries the time it was written. */
    private static final long FIXED_TIME = 315532800000L;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private BundleFiles() {}

    public static byte[] write(ModelBundle bundle) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(MODEL, bundle.model());
        parts.put(SIGNATURE, json(bundle.signature()));
        parts.put(PROVENANCE, json(bundle.provenance()));
        parts.put(REFERENCE, json(bundle.reference()));
        parts.put(METRIC_SPEC, bundle.metricSpec());
        ObjectNode manifest = JSON.createObjectNode().put("bundle_format", ModelBundle.FORMAT).put("use_case", bundle.useCase())
                .put("model_format", bundle.modelFormat().wireName());
        ObjectNode hashes = manifest.putObject("parts");
        parts.forEach((name, bytes) -> hashes.put(name, ModelBundle.sha256(bytes)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, MANIFEST, json(manifest));
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                put(zip, part.getKey(), part.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a bundle in memory failed", e);
        }
        return out.toByteArray();
    }

    /** @throws AssayException INVALID_ARGUMENT naming what is wrong with the bytes */
    public static ModelBundle read(byte[] bytes) {
        Map<String, byte[]> entries = entries(bytes);
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            throw AssayException.invalid("the bundle has no " + MANIFEST);
        }
        JsonNode manifest = tree(manifestBytes, MANIFEST);
        JsonNode format = manifest.path("bundle_format");
        if (!format.isIntegralNumber() || format.asInt() != ModelBundle.FORMAT) {
            throw AssayException.invalid("the bundle has bundle_format " + format + "; this Assay reads bundle_format " + ModelBundle.FORMAT);
        }
        JsonNode hashes = manifest.path("parts");
        for (String part : PARTS) {
            byte[] content = entries.get(part);
            if (content == null) {
                throw AssayException.invalid("the bundle has no part " + part);
            }
            String expected = hashes.path(part).asText("");
            String actual = ModelBundle.sha256(content);
            if (!actual.equals(expected)) {
                throw AssayException.invalid("the bundle's part " + part + " has SHA-256 " + actual + " but its manifest says '" + expected
                        + "': the bundle was changed after it was written");
            }
        }
        for (Iterator<String> names = hashes.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PARTS.contains(name)) {
                throw AssayException.invalid("the bundle's manifest names a part " + name + " this Assay does not know");
            }
        }
        for (String name : entries.keySet()) {
            if (!name.equals(MANIFEST) && !PARTS.contains(name)) {
                throw AssayException.invalid("the bundle holds a file " + name + " its manifest does not name");
            }
        }
        return new ModelBundle(manifest.path("use_case").asText(), ModelFormat.of(manifest.path("model_format").asText()),
                entries.get(MODEL), value(entries.get(SIGNATURE), SIGNATURE, BundleSignature.class),
                value(entries.get(PROVENANCE), PROVENANCE, BundleProvenance.class),
                value(entries.get(REFERENCE), REFERENCE, ReferenceProfile.class), entries.get(METRIC_SPEC));
    }

    /** Any part as JSON bytes, keys sorted: the one way the bundle's parts are written. */
    public static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value instanceof JsonNode node ? JSON.treeToValue(node, Object.class) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bundle part cannot be written as JSON", e);
        }
    }

    /** A bundle part read back into its record, refusing unknown keys. */
    public static <T> T value(byte[] bytes, String part, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException | IllegalArgumentException e) {
            throw AssayException.invalid("the bundle's " + part + " is not valid: " + firstLine(e));
        }
    }

    private static JsonNode tree(byte[] bytes, String part) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw AssayException.invalid("the bundle's " + part + " is not JSON: " + firstLine(e));
        }
    }

    private static Map<String, byte[]> entries(byte[] bytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entries.size() > PARTS.size()) {
                    throw AssayException.invalid("the bundle holds more files than a bundle has parts");
                }
                if (entries.put(entry.getName(), readPart(zip, entry.getName())) != null) {
                    throw AssayException.invalid("the bundle holds " + entry.getName() + " twice");
                }
            }
        } catch (IOException e) {
            throw AssayException.invalid("the file is not a model bundle (a zip of its parts): " + firstLine(e));
        }
        if (entries.isEmpty()) {
            throw AssayException.invalid("the file is not a model bundle: it holds no parts (is it a zip?)");
        }
        return entries;
    }

    private static byte[] readPart(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + n > MAX_PART_BYTES) {
                throw AssayException.invalid("the bundle's part " + name + " is larger than " + (MAX_PART_BYTES >> 20) + " MB");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setTime(FIXED_TIME);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
