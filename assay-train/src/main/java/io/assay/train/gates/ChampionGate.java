package io.assay.train.gates;

import io.assay.core.registry.GateBounds;
import io.assay.core.registry.PlatformGates;
import io.assay.core.stats.BinaryEvaluation;
import io.assay.scoring.Scorer;
import io.assay.scoring.bundle.ModelScorers;
import io.assay.train.data.TrainingData;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The challenger against production: the champion's own bundle re-scored on the candidate's
 * out-of-time rows, so both are judged on the same customers and days. With nothing in
 * production there is nothing to beat, and the gate passes saying so.
 */
final class ChampionGate {
    private ChampionGate() {}

    static GateOutcome run(GateBounds bounds, double[] candidate, TrainingData.Split test, TrainingData data,
                           Optional<GateRunner.ChampionModel> champion) {
        GateBounds.ChampionBar bar = bounds.champion().orElse(new GateBounds.ChampionBar("auc", 0.0));
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("bound.min_delta", bar.minDelta());
        if (champion.isEmpty()) {
            figures.put("champion_present", 0.0);
            return new GateOutcome(PlatformGates.CHAMPION, true, figures, "no version is in production, so there is no champion to beat");
        }
        if (champion.get().bundle().isEmpty()) {
            figures.put("champion_present", 1.0);
            return new GateOutcome(PlatformGates.CHAMPION, false, figures, "the champion v" + champion.get().version() + " was registered "
                    + "from a bare model file, which Assay cannot score: the delta is not measured");
        }
        io.assay.scoring.bundle.ModelBundle bundle = champion.get().bundle().get();
        Scorer scorer = ModelScorers.compile(bundle);
        float[] rows = GateRunner.rowsFor(bundle.signature().names(), data, test);
        double[] theirs = GateRunner.probabilities(scorer, rows, test.rowCount());
        double ours = BinaryEvaluation.of(candidate, test.labels()).figures().get(bar.metric());
        double best = BinaryEvaluation.of(theirs, test.labels()).figures().get(bar.metric());
        // Brier and log loss fall as a model gets better: the delta is how much better, whichever way the metric runs.
        boolean lowerIsBetter = bar.metric().equals("brier") || bar.metric().equals("log_loss");
        double delta = lowerIsBetter ? best - ours : ours - best;
        figures.put("champion_present", 1.0);
        figures.put("champion_version", (double) champion.get().version());
        figures.put("candidate." + bar.metric(), ours);
        figures.put("champion." + bar.metric(), best);
        figures.put("delta", delta);
        boolean passed = delta >= bar.minDelta();
        return new GateOutcome(PlatformGates.CHAMPION, passed, figures, bar.metric() + " " + GateRunner.round(ours) + " against the champion v"
                + champion.get().version() + "'s " + GateRunner.round(best) + " on the same " + test.rowCount() + " out-of-time rows: delta "
                + GateRunner.round(delta) + (passed ? " meets" : " is below") + " the bound " + bar.minDelta());
    }
}
