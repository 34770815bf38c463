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
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final long MAX_BYTES = 1 << 19;

    private ModelSpecFile() {}

    static JsonNode read(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw invalid(file, "is larger than 512 KiB");
            }
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw invalid(file, "cannot be read as YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        ModelSpec.parse(root, "model spec " + file.getFileName());
        return root;
    }

    private static AssayException invalid(Path file, String problem) {
        return AssayException.invalid("model spec " + file.getFileName() + " " + problem);
    }
}
