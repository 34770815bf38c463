package io.assay.cli.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.assay.core.error.AssayException;
import io.assay.core.registry.FeatureSpec;
import io.assay.core.registry.MetricSpec;
import io.assay.core.registry.MetricThreshold;
import io.assay.core.registry.ModelSignature;
import io.assay.core.registry.Provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The file a data scientist registers a version with (YAML or JSON): the signature, the
 * provenance and the metric spec. Format 1:
 *
 * <pre>
 * spec_format: 1
 * signature:
 *   output: churn_probability
 *   features:
 *     - {name: balance_trend_90d, type: NUMERIC, min: -10000000, max: 10000000}
 *     - {name: segment, type: CATEGORICAL, categories: [mass, affluent, student, senior]}
 * provenance:
 *   run_id: run-2026-11-28-1
 *   seed: 7
 *   snapshots: {transactions-2026-11-27-ab12: 3f…}
 *   parameters: {max_depth: "4"}
 *   libraries: {xgboost4j: 3.0.4}
 * metrics:
 *   - {metric: auc, at_least: 0.72}
 *   - {metric: brier, at_most: 0.2}
 * </pre>
 */
record ModelSpecFile(ModelSignature signature, Provenance provenance, MetricSpec metricSpec) {
    static final int FORMAT = 1;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final long MAX_BYTES = 1 << 20;

    static ModelSpecFile read(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw invalid(file, "is larger than 1 MiB");
            }
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw invalid(file, "cannot be read as YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "is empty or not a mapping");
        }
        requireOnly(file, "the top level", root, Set.of("spec_format", "signature", "provenance", "metrics"));
        if (root.path("spec_format").asInt(-1) != FORMAT) {
            throw invalid(file, "has spec_format " + root.path("spec_format") + "; this Assay reads spec_format " + FORMAT);
        }
        try {
            return new ModelSpecFile(signature(file, required(file, root, "signature")), provenance(file, required(file, root, "provenance")),
                    metrics(file, required(file, root, "metrics")));
        } catch (AssayException e) {
            throw e.getMessage().startsWith("model spec ") ? e : invalid(file, "is not valid: " + e.getMessage());
        }
    }

    private static ModelSignature signature(Path file, JsonNode node) {
        requireOnly(file, "signature", node, Set.of("output", "features"));
        List<FeatureSpec> features = new ArrayList<>();
        for (JsonNode f : required(file, node, "features")) {
            requireOnly(file, "a feature", f, Set.of("name", "type", "min", "max", "categories"));
            List<String> categories = new ArrayList<>();
            f.path("categories").forEach(c -> categories.add(c.asText()));
            FeatureSpec.Type type;
            try {
                type = FeatureSpec.Type.valueOf(f.path("type").asText());
            } catch (IllegalArgumentException e) {
                throw invalid(file, "feature " + f.path("name").asText() + " has type '" + f.path("type").asText()
                        + "'; types are NUMERIC, CATEGORICAL, BOOLEAN");
            }
            features.add(new FeatureSpec(f.path("name").asText(), type, number(f, "min"), number(f, "max"), categories));
        }
        return new ModelSignature(features, required(file, node, "output").asText());
    }

    private static Provenance provenance(Path file, JsonNode node) {
        requireOnly(file, "provenance", node, Set.of("run_id", "seed", "snapshots", "parameters", "libraries"));
        if (!required(file, node, "seed").canConvertToLong()) {
            throw invalid(file, "provenance.seed is not a whole number");
        }
        return new Provenance(required(file, node, "run_id").asText(), strings(node.path("snapshots")), strings(node.path("parameters")),
                node.get("seed").asLong(), strings(node.path("libraries")));
    }

    private static MetricSpec metrics(Path file, JsonNode node) {
        List<MetricThreshold> thresholds = new ArrayList<>();
        for (JsonNode m : node) {
            requireOnly(file, "a metric", m, Set.of("metric", "at_least", "at_most"));
            boolean atLeast = m.has("at_least");
            if (atLeast == m.has("at_most")) {
                throw invalid(file, "metric " + m.path("metric").asText() + " needs exactly one of at_least and at_most");
            }
            JsonNode threshold = m.get(atLeast ? "at_least" : "at_most");
            if (!threshold.isNumber()) {
                throw invalid(file, "the threshold of metric " + m.path("metric").asText() + " is not a number");
            }
            thresholds.add(new MetricThreshold(m.path("metric").asText(),
                    atLeast ? MetricThreshold.Comparison.AT_LEAST : MetricThreshold.Comparison.AT_MOST, threshold.asDouble()));
        }
        return new MetricSpec(thresholds);
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    private static Optional<Double> number(JsonNode node, String field) {
        return node.has(field) ? Optional.of(node.get(field).asDouble()) : Optional.empty();
    }

    private static JsonNode required(Path file, JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw invalid(file, "lacks '" + field + "'");
        }
        return node.get(field);
    }

    /** Unknown keys are refused: a typo ("at_lest") must not silently drop a threshold. */
    private static void requireOnly(Path file, String where, JsonNode node, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(file, "has an unknown key '" + name + "' in " + where + "; allowed: " + allowed);
            }
        }
    }

    private static AssayException invalid(Path file, String problem) {
        return AssayException.invalid("model spec " + file.getFileName() + " " + problem);
    }
}
