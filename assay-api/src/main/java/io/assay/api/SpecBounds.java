package io.assay.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.registry.GateBounds;
import io.assay.core.stats.BinaryEvaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.assay.api.ModelSpec.invalid;
import static io.assay.api.ModelSpec.required;
import static io.assay.api.ModelSpec.requireOnly;

/**
 * Reads the gate bounds of a metric spec, each key checked:
 *
 * <pre>
 * champion:   {metric: auc, min_delta: 0.0}          # beat production's champion on the same out-of-time rows
 * segments:   [{attribute: age_band, metric: auc, at_least: 0.6, min_rows: 100}]
 * fairness:   {attribute: gender, selected_share: 0.1, min_adverse_impact: 0.8, max_equal_opportunity_difference: 0.1, min_rows: 30}
 * stability:  {max_psi: 0.25}
 * robustness: {max_score_change: 0.05}
 * latency:    {p99_micros: 50}
 * </pre>
 */
final class SpecBounds {
    private SpecBounds() {}

    static GateBounds parse(String where, JsonNode root) {
        Optional<GateBounds.ChampionBar> champion = Optional.empty();
        if (root.has("champion")) {
            JsonNode c = root.get("champion");
            requireOnly(where, "champion", c, Set.of("metric", "min_delta"));
            champion = Optional.of(new GateBounds.ChampionBar(knownMetric(where, required(where, c, "metric").asText()),
                    number(where, c, "min_delta", "champion")));
        }
        List<GateBounds.SegmentFloor> floors = new ArrayList<>();
        for (JsonNode f : root.path("segments")) {
            requireOnly(where, "a segment floor", f, Set.of("attribute", "metric", "at_least", "min_rows"));
            floors.add(new GateBounds.SegmentFloor(required(where, f, "attribute").asText(), floorMetric(where, required(where, f, "metric").asText()),
                    number(where, f, "at_least", "a segment floor"), f.has("min_rows") ? whole(where, f, "min_rows", "a segment floor") : 50));
        }
        Optional<GateBounds.FairnessBound> fairness = Optional.empty();
        if (root.has("fairness")) {
            JsonNode f = root.get("fairness");
            requireOnly(where, "fairness", f, Set.of("attribute", "selected_share", "min_adverse_impact", "max_equal_opportunity_difference",
                    "min_rows"));
            GateBounds.FairnessBound defaults = GateBounds.FairnessBound.defaults();
            fairness = Optional.of(new GateBounds.FairnessBound(
                    f.has("attribute") ? f.get("attribute").asText() : defaults.attribute(),
                    f.has("selected_share") ? number(where, f, "selected_share", "fairness") : defaults.selectedShare(),
                    f.has("min_adverse_impact") ? number(where, f, "min_adverse_impact", "fairness") : defaults.minAdverseImpact(),
                    f.has("max_equal_opportunity_difference")
                            ? Optional.of(number(where, f, "max_equal_opportunity_difference", "fairness")) : Optional.empty(),
                    f.has("min_rows") ? whole(where, f, "min_rows", "fairness") : defaults.minRows()));
        }
        return new GateBounds(champion, floors, fairness, single(where, root, "stability", "max_psi"),
                single(where, root, "robustness", "max_score_change"), single(where, root, "latency", "p99_micros"));
    }

    /** The figures that say how good a model is: counts and the label rate say nothing of it, so no bar may rest on them. */
    static final java.util.List<String> QUALITY = java.util.List.of("auc", "gini", "ks", "brier", "log_loss", "lift_10", "capture_10");
    /** Those where higher is better: a floor (at_least) makes sense only on them. */
    static final java.util.List<String> HIGHER_IS_BETTER = java.util.List.of("auc", "gini", "ks", "lift_10", "capture_10");

    /** A metric the platform computes; any other could never be met, so it is refused when the spec is read. */
    static String knownMetric(String where, String metric) {
        if (!BinaryEvaluation.FIGURES.contains(metric)) {
            throw invalid(where, "names metric " + io.assay.core.common.Names.quoted(metric) + ", which Assay does not compute; metrics are "
                    + String.join(", ", QUALITY));
        }
        if (!QUALITY.contains(metric)) {
            throw invalid(where, "sets a bar on " + metric + ", which says nothing of the model's quality; metrics are "
                    + String.join(", ", QUALITY));
        }
        return metric;
    }

    private static String floorMetric(String where, String metric) {
        knownMetric(where, metric);
        if (!HIGHER_IS_BETTER.contains(metric)) {
            throw invalid(where, "sets a segment floor (at_least) on " + metric + ", where lower is better; floors take "
                    + String.join(", ", HIGHER_IS_BETTER));
        }
        return metric;
    }

    private static Optional<Double> single(String where, JsonNode root, String key, String field) {
        if (!root.has(key)) {
            return Optional.empty();
        }
        requireOnly(where, key, root.get(key), Set.of(field));
        return Optional.of(number(where, root.get(key), field, key));
    }

    private static double number(String where, JsonNode node, String field, String part) {
        JsonNode value = required(where, node, field);
        if (!value.isNumber()) {
            throw invalid(where, part + "." + field + " is not a number");
        }
        return value.asDouble();
    }

    private static int whole(String where, JsonNode node, String field, String part) {
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(where, part + "." + field + " is not a whole number");
        }
        return value.asInt();
    }
}
