package io.assay.cli.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.assay.core.error.AssayException;
import io.assay.api.ModelSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a data scientist registers a version with, YAML or JSON (spec_format 1; see
 * {@link ModelSpec}). It is checked here, so a mistake is named before anything is uploaded,
 * and sent as it is: the server checks it again with the same rules.
 */
final class ModelSpecFile {
    /** A key named twice is refused, as in a request body: the second would silently win. */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final long MAX_BYTES = 1 << 19;

    private ModelSpecFile() {}

    /** The spec in {@code file}, read and checked as registration would. */
    static ModelSpec check(Path file) {
        return ModelSpec.parse(read(file), "model spec " + file.getFileName());
    }

    static JsonNode read(Path file) {
        JsonNode root = tree(file);
        ModelSpec.parse(root, "model spec " + file.getFileName());
        return root;
    }

    /** A metric spec on its own (metrics and gate bounds), for a version registered from a run. */
    static JsonNode readMetricSpec(Path file) {
        JsonNode root = tree(file);
        ModelSpec.parseMetricSpec(root, "metric spec " + file.getFileName());
        return root;
    }

    /** Any small YAML or JSON document (a signature, say), read with the same limits and line-and-column errors. */
    static JsonNode readDocument(Path file, String what) {
        try {
            return tree(file);
        } catch (AssayException e) {
            throw AssayException.invalid(e.getMessage().replaceFirst("^model spec", what));
        }
    }

    private static JsonNode tree(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw invalid(file, "is larger than 512 KiB");
            }
            root = YAML.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var where = e.getLocation();
            throw invalid(file, "is not valid YAML or JSON" + (where == null ? "" : " at line " + where.getLineNr() + ", column "
                    + where.getColumnNr()) + ": " + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw invalid(file, "cannot be read: " + e.getMessage());
        }
        return root;
    }

    private static AssayException invalid(Path file, String problem) {
        return AssayException.invalid("model spec " + file.getFileName() + " " + problem);
    }
}
