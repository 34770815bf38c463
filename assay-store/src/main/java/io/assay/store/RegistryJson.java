package io.assay.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.FeatureSpec;
import io.assay.core.registry.Finding;
import io.assay.core.registry.MetricSpec;
import io.assay.core.registry.MetricThreshold;
import io.assay.core.registry.ModelSignature;
import io.assay.core.registry.Provenance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON columns of the registry tables, written field by field so the stored shape is ours
 * (not whatever a record's accessors happen to be) and stays readable after the records change.
 */
final class RegistryJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryJson() {}

    static String signature(ModelSignature signature) {
        ObjectNode node = JSON.createObjectNode().put("output", signature.output());
        ArrayNode features = node.putArray("features");
        for (FeatureSpec feature : signature.features()) {
            ObjectNode f = features.addObject().put("name", feature.name()).put("type", feature.type().name());
            feature.min().ifPresent(min -> f.put("min", min));
            feature.max().ifPresent(max -> f.put("max", max));
            feature.categories().forEach(f.putArray("categories")::add);
        }
        return node.toString();
    }

    static ModelSignature signature(String json) {
        JsonNode node = read(json);
        List<FeatureSpec> features = new ArrayList<>();
        for (JsonNode f : node.get("features")) {
            List<String> categories = new ArrayList<>();
            f.path("categories").forEach(c -> categories.add(c.asText()));
            features.add(new FeatureSpec(f.get("name").asText(), FeatureSpec.Type.valueOf(f.get("type").asText()),
                    optionalDouble(f, "min"), optionalDouble(f, "max"), categories));
        }
        return new ModelSignature(features, node.get("output").asText());
    }

    static String provenance(Provenance provenance) {
        ObjectNode node = JSON.createObjectNode().put("run_id", provenance.runId()).put("seed", provenance.seed());
        putMap(node.putObject("snapshot_hashes"), provenance.snapshotHashes());
        putMap(node.putObject("parameters"), provenance.parameters());
        putMap(node.putObject("library_versions"), provenance.libraryVersions());
        return node.toString();
    }

    static Provenance provenance(String json) {
        JsonNode node = read(json);
        return new Provenance(node.get("run_id").asText(), stringMap(node.get("snapshot_hashes")), stringMap(node.get("parameters")),
                node.get("seed").asLong(), stringMap(node.get("library_versions")));
    }

    static String metricSpec(MetricSpec spec) {
        ArrayNode thresholds = JSON.createArrayNode();
        for (MetricThreshold threshold : spec.thresholds()) {
            thresholds.addObject().put("metric", threshold.metric()).put("comparison", threshold.comparison().name())
                    .put("threshold", threshold.threshold());
        }
        return thresholds.toString();
    }

    static MetricSpec metricSpec(String json) {
        List<MetricThreshold> thresholds = new ArrayList<>();
        for (JsonNode t : read(json)) {
            thresholds.add(new MetricThreshold(t.get("metric").asText(), MetricThreshold.Comparison.valueOf(t.get("comparison").asText()),
                    t.get("threshold").asDouble()));
        }
        return new MetricSpec(thresholds);
    }

    static String figures(Map<String, Double> figures) {
        ObjectNode node = JSON.createObjectNode();
        figures.forEach(node::put);
        return node.toString();
    }

    static Map<String, Double> figures(String json) {
        Map<String, Double> figures = new LinkedHashMap<>();
        read(json).fields().forEachRemaining(field -> figures.put(field.getKey(), field.getValue().asDouble()));
        return figures;
    }

    static String findings(List<Finding> findings) {
        ArrayNode array = JSON.createArrayNode();
        for (Finding finding : findings) {
            ObjectNode node = array.addObject().put("text", finding.text());
            finding.gate().ifPresent(gate -> node.put("gate", gate));
        }
        return array.toString();
    }

    static List<Finding> findings(String json) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : read(json)) {
            findings.add(new Finding(f.get("text").asText(), f.has("gate") ? Optional.of(f.get("gate").asText()) : Optional.empty()));
        }
        return findings;
    }

    private static void putMap(ObjectNode node, Map<String, String> map) {
        map.forEach(node::put);
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    private static Optional<Double> optionalDouble(JsonNode node, String field) {
        return node.has(field) ? Optional.of(node.get(field).asDouble()) : Optional.empty();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "a stored registry JSON column cannot be read: " + e.getMessage());
        }
    }
}
