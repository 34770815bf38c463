package io.assay.train.gates;

import io.assay.core.error.AssayException;
import io.assay.core.registry.GateBounds;
import io.assay.core.registry.MetricSpec;
import io.assay.core.registry.PlatformGates;
import io.assay.core.stats.AdverseImpact;
import io.assay.core.stats.BinaryEvaluation;
import io.assay.core.stats.BinnedProfile;
import io.assay.core.stats.EqualOpportunity;
import io.assay.core.stats.GroupSelection;
import io.assay.core.stats.Psi;
import io.assay.scoring.Scorer;
import io.assay.scoring.bundle.ModelBundle;
import io.assay.scoring.bundle.ModelScorers;
import io.assay.scoring.bundle.ReferenceProfile;
import io.assay.train.data.TrainingData;
import io.assay.train.run.Evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the platform's gates on a candidate bundle over its out-of-time rows, scoring through the
 * compiled scorer: metrics (with per-segment figures), the champion delta (the production
 * champion re-scored on the same rows), fairness at the decision cut-off, stability (PSI of every
 * input and of the score, train against out-of-time), and robustness (finite scores with each
 * input missing or at its 1st/99th percentile, and a bounded change for a small nudge).
 */
public final class GateRunner {
    /** Rows the robustness gate probes: enough to find a bad branch, few enough to stay quick. */
    static final int ROBUSTNESS_ROWS = 1000;

    public List<GateOutcome> run(List<String> gates, ModelBundle candidate, MetricSpec spec, TrainingData data,
                                 Optional<ChampionModel> champion) {
        Scorer scorer = ModelScorers.compile(candidate);
        TrainingData.Split test = data.split("test");
        float[] rows = rowsFor(candidate.signature().names(), data, test);
        double[] probabilities = probabilities(scorer, rows, test.rowCount());
        List<GateOutcome> outcomes = new ArrayList<>();
        for (String gate : gates) {
            outcomes.add(switch (gate) {
                case PlatformGates.METRICS -> metrics(probabilities, test);
                case PlatformGates.CHAMPION -> ChampionGate.run(spec.bounds(), probabilities, test, data, champion);
                case PlatformGates.FAIRNESS -> fairness(spec.bounds().fairness().orElse(GateBounds.FairnessBound.defaults()), probabilities, test);
                case PlatformGates.STABILITY -> stability(spec.bounds().maxPsi().orElse(GateBounds.DEFAULT_MAX_PSI), candidate, rows, test,
                        probabilities);
                case PlatformGates.ROBUSTNESS -> RobustnessGate.run(spec.bounds().maxScoreChange().orElse(GateBounds.DEFAULT_MAX_SCORE_CHANGE),
                        scorer, candidate.signature().names(), rows, test.rowCount());
                default -> throw AssayException.invalid("gate " + gate + " is not one Assay runs; it runs " + PlatformGates.ALL);
            });
        }
        return outcomes;
    }

    /** A production champion to beat: its bundle, or none when it was registered from a bare model file. */
    public record ChampionModel(int version, Optional<ModelBundle> bundle) {
    }

    static double[] probabilities(Scorer scorer, float[] rows, int rowCount) {
        float[] margins = new float[rowCount];
        scorer.margins(rows, rowCount, margins);
        double[] probabilities = new double[rowCount];
        for (int r = 0; r < rowCount; r++) {
            probabilities[r] = Scorer.probability(margins[r]);
        }
        return probabilities;
    }

    /** The split's rows laid out in the order {@code names} asks, or a refusal naming the first input the rows lack. */
    public static float[] rowsFor(List<String> names, TrainingData data, TrainingData.Split split) {
        if (names.equals(data.features())) {
            return split.rows();
        }
        int[] columns = new int[names.size()];
        for (int j = 0; j < names.size(); j++) {
            columns[j] = data.features().indexOf(names.get(j));
            if (columns[j] < 0) {
                throw AssayException.invalid("the model takes input " + names.get(j) + ", which training set " + data.set().id()
                        + " does not hold");
            }
        }
        int n = data.featureCount();
        float[] rows = new float[split.rowCount() * names.size()];
        for (int r = 0; r < split.rowCount(); r++) {
            for (int j = 0; j < columns.length; j++) {
                rows[r * columns.length + j] = split.rows()[r * n + columns[j]];
            }
        }
        return rows;
    }

    private static GateOutcome metrics(double[] probabilities, TrainingData.Split test) {
        Map<String, Double> figures = new LinkedHashMap<>(BinaryEvaluation.of(probabilities, test.labels()).figures());
        Evaluation.segments(probabilities, test).forEach((attribute, values) -> values.forEach((value, metrics) ->
                metrics.figures().forEach((name, figure) -> figures.put(MetricSpec.segmentFigure(attribute, value, name), figure))));
        return new GateOutcome(PlatformGates.METRICS, true, figures, "judged by the metric spec");
    }

    private static GateOutcome fairness(GateBounds.FairnessBound bound, double[] probabilities, TrainingData.Split test) {
        String[] all = test.attributes().get(bound.attribute());
        if (all == null) {
            throw AssayException.invalid("the protected attribute " + bound.attribute() + " is not among the out-of-time rows' attributes "
                    + test.attributes().keySet());
        }
        boolean[] allSelected = topShare(probabilities, bound.selectedShare());
        // Groups under min_rows are counted, never judged, and never the reference a judged group is held to.
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        for (String group : all) {
            sizes.merge(group == null ? "(none)" : group, 1, Integer::sum);
        }
        List<Integer> judged = new ArrayList<>();
        for (int r = 0; r < all.length; r++) {
            if (sizes.get(all[r] == null ? "(none)" : all[r]) >= bound.minRows()) {
                judged.add(r);
            }
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("bound.min_adverse_impact", bound.minAdverseImpact());
        figures.put("selected_share", bound.selectedShare());
        sizes.forEach((group, rows) -> figures.put(figureName("rows." + bound.attribute() + "." + group), (double) rows));
        long judgedGroups = sizes.values().stream().filter(rows -> rows >= bound.minRows()).count();
        if (judgedGroups < 2) {
            figures.put("judged_groups", (double) judgedGroups);
            return new GateOutcome(PlatformGates.FAIRNESS, false, figures, "not measured: fewer than two groups of " + bound.attribute()
                    + " hold the " + bound.minRows() + " rows a group is judged on " + sizes);
        }
        String[] groups = new String[judged.size()];
        boolean[] selected = new boolean[judged.size()];
        boolean[] labels = new boolean[judged.size()];
        for (int i = 0; i < judged.size(); i++) {
            int r = judged.get(i);
            groups[i] = all[r] == null ? "(none)" : all[r];
            selected[i] = allSelected[r];
            labels[i] = test.labels()[r];
        }
        AdverseImpact impact = AdverseImpact.of(groups, selected);
        double worst = 1;
        String worstGroup = null;
        long worstRows = 0;
        for (GroupSelection group : impact.groups()) {
            String base = bound.attribute() + "." + group.group();
            figures.put(figureName("selection_rate." + base), group.rate());
            figures.put(figureName("adverse_impact." + base), group.ratio());
            if (group.ratio() < worst) {
                worst = group.ratio();
                worstGroup = group.group();
                worstRows = group.rows();
            }
        }
        figures.put("min_adverse_impact", worst);
        boolean passed = worst >= bound.minAdverseImpact();
        String detail = worstGroup == null ? "every judged group is selected at the same rate " + sizes
                : "lowest adverse-impact ratio " + round(worst) + " for " + bound.attribute() + "=" + worstGroup + " (" + worstRows
                + " rows) " + (passed ? "meets" : "is below") + " the bound " + bound.minAdverseImpact() + " at a " + bound.selectedShare()
                + " cut-off";
        if (bound.maxEqualOpportunityDifference().isPresent()) {
            EqualOpportunity opportunity = EqualOpportunity.of(groups, selected, labels);
            double limit = bound.maxEqualOpportunityDifference().get();
            figures.put("equal_opportunity_difference", opportunity.difference());
            figures.put("bound.max_equal_opportunity_difference", limit);
            if (opportunity.difference() > limit) {
                passed = false;
                detail += "; equal-opportunity difference " + round(opportunity.difference()) + " between " + opportunity.highest() + " and "
                        + opportunity.lowest() + " is above the bound " + limit;
            }
        }
        return new GateOutcome(PlatformGates.FAIRNESS, passed, figures, detail);
    }

    private static GateOutcome stability(double bound, ModelBundle candidate, float[] rows, TrainingData.Split test, double[] probabilities) {
        ReferenceProfile reference = candidate.reference();
        List<String> names = candidate.signature().names();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("bound.max_psi", bound);
        double worst = 0;
        String worstName = "score";
        for (int j = 0; j < names.size(); j++) {
            BinnedProfile expected = Evaluation.profile(reference.inputs().get(names.get(j)));
            double[] values = new double[test.rowCount()];
            for (int r = 0; r < values.length; r++) {
                values[r] = rows[r * names.size() + j];
            }
            double psi = Psi.of(expected, expected.countsOf(values));
            figures.put(figureName("psi." + names.get(j)), psi);
            if (psi > worst) {
                worst = psi;
                worstName = names.get(j);
            }
        }
        BinnedProfile score = Evaluation.profile(reference.score());
        double scorePsi = Psi.of(score, score.countsOf(probabilities));
        figures.put("psi.score", scorePsi);
        if (scorePsi > worst) {
            worst = scorePsi;
            worstName = "score";
        }
        figures.put("max_psi", worst);
        boolean passed = worst <= bound;
        return new GateOutcome(PlatformGates.STABILITY, passed, figures, "largest PSI " + round(worst) + " (" + worstName + ", train against "
                + "out-of-time) " + (passed ? "within" : "above") + " the bound " + bound);
    }

    /** The top {@code share} of rows by probability, ties at the cut-off all selected, as a decision would treat them. */
    static boolean[] topShare(double[] probabilities, double share) {
        double[] sorted = probabilities.clone();
        Arrays.sort(sorted);
        int take = (int) Math.ceil(share * sorted.length);
        double cut = sorted[Math.max(0, sorted.length - take)];
        boolean[] selected = new boolean[probabilities.length];
        for (int r = 0; r < probabilities.length; r++) {
            selected[r] = probabilities[r] >= cut;
        }
        return selected;
    }

    static String figureName(String name) {
        String cleaned = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
        return cleaned.length() <= 63 ? cleaned : cleaned.substring(0, 63);
    }

    static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
