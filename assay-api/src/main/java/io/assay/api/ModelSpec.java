package io.assay.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.error.AssayException;
import io.assay.core.registry.FeatureSpec;
import io.assay.core.registry.MetricSpec;
import io.assay.core.registry.MetricThreshold;
import io.assay.core.registry.ModelSignature;
import io.assay.core.registry.Provenance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a model spec (spec_format 1): the signature, the provenance and the metric spec a data
 * scientist registers a version with. The CLI reads it from a YAML or JSON file, the server from
 * a request body; both go through here, so the same spec is accepted or refused alike.
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
public record ModelSpec(ModelSignature signature, Provenance provenance, MetricSpec metricSpec) {
    public static final int FORMAT = 1;

    /** {@code where} names the spec in errors, e.g. "model spec churn.yaml". */
    public static ModelSpec parse(JsonNode root, String where) {
        if (root == null || !root.isObject()) {
            throw invalid(where, "is empty or not a mapping");
        }
        requireOnly(where, "the top level", root, union(Set.of("spec_format", "signature", "provenance", "metrics"), BOUND_KEYS));
        JsonNode format = root.path("spec_format");
        if (!format.isIntegralNumber() || format.asInt() != FORMAT) {
            throw invalid(where, "has spec_format " + root.path("spec_format") + "; this Assay reads spec_format " + FORMAT);
        }
        try {
            return new ModelSpec(signature(where, required(where, root, "signature")), provenance(where, required(where, root, "provenance")),
                    metricSpec(where, root));
        } catch (AssayException e) {
            throw e.getMessage().startsWith(where) ? e : invalid(where, "is not valid: " + e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(where, "is not valid: " + e.getMessage());
        }
    }

    private static ModelSignature signature(String where, JsonNode node) {
        requireOnly(where, "signature", node, Set.of("output", "features"));
        List<FeatureSpec> features = new ArrayList<>();
        for (JsonNode f : required(where, node, "features")) {
            requireOnly(where, "a feature", f, Set.of("name", "type", "min", "max", "categories"));
            List<String> categories = new ArrayList<>();
            f.path("categories").forEach(c -> categories.add(c.asText()));
            FeatureSpec.Type type;
            try {
                type = FeatureSpec.Type.valueOf(f.path("type").asText());
            } catch (IllegalArgumentException e) {
                throw invalid(where, "feature " + f.path("name").asText() + " has type '" + f.path("type").asText()
                        + "'; types are NUMERIC, CATEGORICAL, BOOLEAN");
            }
            features.add(new FeatureSpec(f.path("name").asText(), type, number(f, "min"), number(f, "max"), categories));
        }
        return new ModelSignature(features, required(where, node, "output").asText());
    }

    private static Provenance provenance(String where, JsonNode node) {
        requireOnly(where, "provenance", node, Set.of("run_id", "seed", "snapshots", "parameters", "libraries"));
        JsonNode seed = required(where, node, "seed");
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw invalid(where, "provenance.seed is not a whole number");
        }
        return new Provenance(required(where, node, "run_id").asText(), strings(node.path("snapshots")), strings(node.path("parameters")),
                node.get("seed").asLong(), strings(node.path("libraries")));
    }

    /** The keys beside {@code metrics} that bound the platform's other gates. */
    static final Set<String> BOUND_KEYS = Set.of("champion", "segments", "fairness", "stability", "robustness", "latency");

    /**
     * A metric spec file on its own (spec_format 1: {@code metrics} and the gate bounds), for a
     * version registered from a training run, whose signature and provenance come from the run.
     */
    public static MetricSpec parseMetricSpec(JsonNode root, String where) {
        if (root == null || !root.isObject()) {
            throw invalid(where, "is empty or not a mapping");
        }
        if (root.has("signature") || root.has("provenance")) {
            throw invalid(where, "sets a signature or provenance; a version registered from a run takes both from the run, so the spec "
                    + "holds only metrics and gate bounds");
        }
        requireOnly(where, "the top level", root, union(Set.of("spec_format", "metrics"), BOUND_KEYS));
        JsonNode format = root.path("spec_format");
        if (!format.isIntegralNumber() || format.asInt() != FORMAT) {
            throw invalid(where, "has spec_format " + root.path("spec_format") + "; this Assay reads spec_format " + FORMAT);
        }
        try {
            return metricSpec(where, root);
        } catch (AssayException e) {
            throw e.getMessage().startsWith(where) ? e : invalid(where, "is not valid: " + e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(where, "is not valid: " + e.getMessage());
        }
    }

    private static MetricSpec metricSpec(String where, JsonNode root) {
        return new MetricSpec(metrics(where, required(where, root, "metrics")), SpecBounds.parse(where, root));
    }

    private static List<MetricThreshold> metrics(String where, JsonNode node) {
        List<MetricThreshold> thresholds = new ArrayList<>();
        for (JsonNode m : node) {
            requireOnly(where, "a metric", m, Set.of("metric", "at_least", "at_most"));
            boolean atLeast = m.has("at_least");
            if (atLeast == m.has("at_most")) {
                throw invalid(where, "metric " + m.path("metric").asText() + " needs exactly one of at_least and at_most");
            }
            JsonNode threshold = m.get(atLeast ? "at_least" : "at_most");
            if (!threshold.isNumber()) {
                throw invalid(where, "the threshold of metric " + m.path("metric").asText() + " is not a number");
            }
            thresholds.add(new MetricThreshold(SpecBounds.knownMetric(where, m.path("metric").asText()),
                    atLeast ? MetricThreshold.Comparison.AT_LEAST : MetricThreshold.Comparison.AT_MOST, threshold.asDouble()));
        }
        return thresholds;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    private static Optional<Double> number(JsonNode node, String field) {
        return node.has(field) ? Optional.of(node.get(field).asDouble()) : Optional.empty();
    }

    static JsonNode required(String where, JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw invalid(where, "lacks '" + field + "'");
        }
        return node.get(field);
    }

    /** Unknown keys are refused: a typo ("at_lest") must not silently drop a threshold. */
    static void requireOnly(String where, String part, JsonNode node, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(where, "has an unknown key " + io.assay.core.common.Names.quoted(name) + " in " + part + "; allowed: "
                        + allowed);
            }
        }
    }

    static AssayException invalid(String where, String problem) {
        return AssayException.invalid(where + " " + problem);
    }
}
