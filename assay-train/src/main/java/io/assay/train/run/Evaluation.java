package io.assay.train.run;

import io.assay.core.stats.BinaryEvaluation;
import io.assay.core.stats.BinnedProfile;
import io.assay.core.stats.CalibrationBin;
import io.assay.scoring.Scorer;
import io.assay.scoring.bundle.BundleSignature;
import io.assay.scoring.bundle.ReferenceProfile;
import io.assay.train.data.TrainingData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges a model on a split through the compiled scorer production uses (never through the
 * library that trained it), so the figures a gate reads are the figures production will serve.
 */
public final class Evaluation {
    /** Bins of a reference profile: deciles of the train split. */
    public static final int PROFILE_BINS = 10;

    private Evaluation() {}

    /** The probability of every row of a split, through the scorer's batch path. */
    public static double[] probabilities(Scorer scorer, TrainingData.Split split) {
        float[] margins = new float[split.rowCount()];
        scorer.margins(split.rows(), split.rowCount(), margins);
        double[] probabilities = new double[margins.length];
        for (int r = 0; r < margins.length; r++) {
            probabilities[r] = Scorer.probability(margins[r]);
        }
        return probabilities;
    }

    public static Run.SplitMetrics metrics(double[] probabilities, boolean[] labels) {
        BinaryEvaluation evaluation = BinaryEvaluation.of(probabilities, labels);
        List<Run.Decile> deciles = new ArrayList<>();
        for (CalibrationBin bin : evaluation.calibration()) {
            deciles.add(new Run.Decile(bin.rows(), bin.positives(), bin.meanPredicted(), bin.observedRate()));
        }
        return new Run.SplitMetrics(evaluation.figures(), deciles, null);
    }

    /**
     * The figures per value of every attribute column (age band, segment, region, …). A segment
     * whose rows hold one class only gets its counts and a note instead: AUC is undefined there.
     */
    public static Map<String, Map<String, Run.SplitMetrics>> segments(double[] probabilities, TrainingData.Split split) {
        Map<String, Map<String, Run.SplitMetrics>> segments = new TreeMap<>();
        split.attributes().forEach((attribute, values) -> {
            Map<String, List<Integer>> rowsOf = new TreeMap<>();
            for (int r = 0; r < values.length; r++) {
                rowsOf.computeIfAbsent(values[r] == null ? "(none)" : values[r], v -> new ArrayList<>()).add(r);
            }
            Map<String, Run.SplitMetrics> perValue = new TreeMap<>();
            rowsOf.forEach((value, rows) -> perValue.put(value, segment(probabilities, split.labels(), rows)));
            segments.put(attribute, perValue);
        });
        return segments;
    }

    private static Run.SplitMetrics segment(double[] probabilities, boolean[] labels, List<Integer> rows) {
        double[] p = new double[rows.size()];
        boolean[] y = new boolean[rows.size()];
        int positives = 0;
        for (int i = 0; i < rows.size(); i++) {
            p[i] = probabilities[rows.get(i)];
            y[i] = labels[rows.get(i)];
            positives += y[i] ? 1 : 0;
        }
        if (positives == 0 || positives == rows.size()) {
            Map<String, Double> counts = new LinkedHashMap<>();
            counts.put("rows", (double) rows.size());
            counts.put("positives", (double) positives);
            counts.put("label_rate", (double) positives / rows.size());
            return new Run.SplitMetrics(counts, null, "one class only: AUC, KS and the rest are undefined here");
        }
        return new Run.SplitMetrics(BinaryEvaluation.of(p, y).figures(), null, null);
    }

    /** The reference drift checks compare production with: every input and the score, binned on the train split. */
    public static ReferenceProfile reference(TrainingData data, double[] trainProbabilities) {
        TrainingData.Split train = data.split("train");
        Map<String, ReferenceProfile.Bins> inputs = new LinkedHashMap<>();
        for (int j = 0; j < data.featureCount(); j++) {
            inputs.put(data.features().get(j), bins(BinnedProfile.fit(column(train, j, data.featureCount()), PROFILE_BINS)));
        }
        return new ReferenceProfile("train", train.rowCount(), inputs, bins(BinnedProfile.fit(trainProbabilities, PROFILE_BINS)));
    }

    /** The inputs in model order, with the range and nulls the training rows showed. */
    public static BundleSignature signature(String output, TrainingData data, ReferenceProfile reference) {
        List<BundleSignature.Input> inputs = new ArrayList<>();
        for (int j = 0; j < data.featureCount(); j++) {
            String name = data.features().get(j);
            ReferenceProfile.Bins bins = reference.inputs().get(name);
            boolean nullable = false;
            for (TrainingData.Split split : data.splits().values()) {
                nullable |= hasNull(split, j, data.featureCount());
            }
            inputs.add(new BundleSignature.Input(name, data.types().get(j), nullable, bins.min(), bins.max()));
        }
        return new BundleSignature(output, inputs);
    }

    public static double[] column(TrainingData.Split split, int j, int featureCount) {
        double[] values = new double[split.rowCount()];
        for (int r = 0; r < values.length; r++) {
            values[r] = split.rows()[r * featureCount + j];
        }
        return values;
    }

    public static ReferenceProfile.Bins bins(BinnedProfile profile) {
        return new ReferenceProfile.Bins(profile.edges().stream().mapToDouble(Double::doubleValue).toArray(),
                profile.counts().stream().mapToLong(Long::longValue).toArray(), profile.nulls(),
                Double.isNaN(profile.min()) ? null : profile.min(), Double.isNaN(profile.max()) ? null : profile.max());
    }

    public static BinnedProfile profile(ReferenceProfile.Bins bins) {
        List<Double> edges = new ArrayList<>();
        for (double edge : bins.edges()) {
            edges.add(edge);
        }
        List<Long> counts = new ArrayList<>();
        for (long count : bins.counts()) {
            counts.add(count);
        }
        return new BinnedProfile(edges, counts, bins.nulls(), bins.min() == null ? Double.NaN : bins.min(),
                bins.max() == null ? Double.NaN : bins.max());
    }

    private static boolean hasNull(TrainingData.Split split, int j, int featureCount) {
        for (int r = 0; r < split.rowCount(); r++) {
            if (Float.isNaN(split.rows()[r * featureCount + j])) {
                return true;
            }
        }
        return false;
    }
}
