package io.assay.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.FeatureSpec;
import io.assay.core.registry.GateBounds;
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
 * The signature, provenance and metric spec carry {@code json_format} and are spelled as in the
 * model spec file (snapshots, libraries, at_least / at_most); documents written before the format
 * was recorded (format 1: snapshot_hashes, library_versions, a bare list of thresholds) still read,
 * and a format this build does not know is refused by name rather than misread.
 */
final class RegistryJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The format written now; RegistryJsonTest holds golden documents of every earlier one. */
    static final int FORMAT = 2;
    /** The metric spec's newest format: 3 added the gate bounds. */
    static final int METRIC_SPEC_FORMAT = 3;
    private static final String FORMAT_FIELD = "json_format";

    private RegistryJson() {}

    static String signature(ModelSignature signature) {
        ObjectNode node = JSON.createObjectNode().put(FORMAT_FIELD, FORMAT).put("output", signature.output());
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
        formatOf(node, "signature");
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
        ObjectNode node = JSON.createObjectNode().put(FORMAT_FIELD, FORMAT).put("run_id", provenance.runId()).put("seed", provenance.seed());
        putMap(node.putObject("snapshots"), provenance.snapshotHashes());
        putMap(node.putObject("parameters"), provenance.parameters());
        putMap(node.putObject("libraries"), provenance.libraryVersions());
        return node.toString();
    }

    static Provenance provenance(String json) {
        JsonNode node = read(json);
        boolean first = formatOf(node, "provenance") == 1;
        return new Provenance(node.get("run_id").asText(), stringMap(node.get(first ? "snapshot_hashes" : "snapshots")),
                stringMap(node.get("parameters")), node.get("seed").asLong(), stringMap(node.get(first ? "library_versions" : "libraries")));
    }

    static String metricSpec(MetricSpec spec) {
        // Format 3 added the gate bounds; a spec without them is still written as format 2, which every earlier build reads.
        ObjectNode node = JSON.createObjectNode().put(FORMAT_FIELD, spec.bounds().isNone() ? FORMAT : METRIC_SPEC_FORMAT);
        ArrayNode metrics = node.putArray("metrics");
        for (MetricThreshold threshold : spec.thresholds()) {
            metrics.addObject().put("metric", threshold.metric()).put(threshold.comparison() == MetricThreshold.Comparison.AT_LEAST
                    ? "at_least" : "at_most", threshold.threshold());
        }
        GateBounds bounds = spec.bounds();
        bounds.champion().ifPresent(c -> node.putObject("champion").put("metric", c.metric()).put("min_delta", c.minDelta()));
        if (!bounds.segmentFloors().isEmpty()) {
            ArrayNode segments = node.putArray("segments");
            bounds.segmentFloors().forEach(f -> segments.addObject().put("attribute", f.attribute()).put("metric", f.metric())
                    .put("at_least", f.atLeast()).put("min_rows", f.minRows()));
        }
        bounds.fairness().ifPresent(f -> {
            ObjectNode fairness = node.putObject("fairness").put("attribute", f.attribute()).put("selected_share", f.selectedShare())
                    .put("min_adverse_impact", f.minAdverseImpact()).put("min_rows", f.minRows());
            f.maxEqualOpportunityDifference().ifPresent(d -> fairness.put("max_equal_opportunity_difference", d));
        });
        bounds.maxPsi().ifPresent(v -> node.putObject("stability").put("max_psi", v));
        bounds.maxScoreChange().ifPresent(v -> node.putObject("robustness").put("max_score_change", v));
        bounds.latencyP99Micros().ifPresent(v -> node.putObject("latency").put("p99_micros", v));
        return node.toString();
    }

    private static GateBounds bounds(JsonNode node) {
        JsonNode champion = node.path("champion");
        List<GateBounds.SegmentFloor> floors = new ArrayList<>();
        node.path("segments").forEach(f -> floors.add(new GateBounds.SegmentFloor(f.get("attribute").asText(), f.get("metric").asText(),
                f.get("at_least").asDouble(), f.get("min_rows").asInt())));
        JsonNode fairness = node.path("fairness");
        return new GateBounds(
                champion.isObject() ? Optional.of(new GateBounds.ChampionBar(champion.get("metric").asText(), champion.get("min_delta").asDouble()))
                        : Optional.empty(),
                floors,
                fairness.isObject() ? Optional.of(new GateBounds.FairnessBound(fairness.get("attribute").asText(),
                        fairness.get("selected_share").asDouble(), fairness.get("min_adverse_impact").asDouble(),
                        optionalDouble(fairness, "max_equal_opportunity_difference"), fairness.get("min_rows").asInt())) : Optional.empty(),
                optionalDouble(node.path("stability"), "max_psi"), optionalDouble(node.path("robustness"), "max_score_change"),
                optionalDouble(node.path("latency"), "p99_micros"));
    }

    static MetricSpec metricSpec(String json) {
        JsonNode node = read(json);
        List<MetricThreshold> thresholds = new ArrayList<>();
        if (node.isArray()) {
            // format 1: a bare list of {metric, comparison, threshold}
            for (JsonNode t : node) {
                thresholds.add(new MetricThreshold(t.get("metric").asText(),
                        MetricThreshold.Comparison.valueOf(t.get("comparison").asText()), t.get("threshold").asDouble()));
            }
            return new MetricSpec(thresholds);
        }
        int format = formatOf(node, "metric spec", METRIC_SPEC_FORMAT);
        for (JsonNode t : node.get("metrics")) {
            boolean atLeast = t.has("at_least");
            thresholds.add(new MetricThreshold(t.get("metric").asText(), atLeast ? MetricThreshold.Comparison.AT_LEAST
                    : MetricThreshold.Comparison.AT_MOST, t.get(atLeast ? "at_least" : "at_most").asDouble()));
        }
        return new MetricSpec(thresholds, format >= 3 ? bounds(node) : GateBounds.NONE);
    }

    /** The format a stored document was written in: 1 when it names none, refused when it is newer than this build. */
    private static int formatOf(JsonNode node, String what) {
        return formatOf(node, what, FORMAT);
    }

    private static int formatOf(JsonNode node, String what, int newest) {
        int format = node.path(FORMAT_FIELD).asInt(1);
        if (format < 1 || format > newest) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "a stored " + what + " is in JSON format " + node.path(FORMAT_FIELD)
                    + ", which this build (format " + newest + ") cannot read; it was written by a newer Assay");
        }
        return format;
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
