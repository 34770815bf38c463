package io.assay.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.api.FeatureViews.LabelView;
import io.assay.api.FeatureViews.ServingTableView;
import io.assay.api.FeatureViews.TrainingSetView;
import io.assay.api.FeatureViews.ViewView;
import io.assay.api.FeaturesApi;
import io.assay.api.Requests;
import io.assay.cli.Output;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The data scientist builds features that cannot leak the future, labels that wait for their
 * horizon, and a training set per use case, over REST with her token and under her grant; then the
 * serving feature tables online scoring will read.
 */
final class FeaturesChapter {
    /** As-of dates a week apart, the latest one just mature: train, validation, out-of-time test. */
    private static final int[] WEEKS_BEFORE_LATEST = {14, 7, 0};

    private final Output output;
    private final ObjectNode summary;

    FeaturesChapter(Output output, ObjectNode summary) {
        this.output = output;
        this.summary = summary;
    }

    void tell(FeaturesApi features, LocalDate lastDay) {
        output.note("");
        output.note("4. Features, labels and training sets, built point-in-time: each view sees the snapshots as they stood at the");
        output.note("   end of its as-of day, each label only its window after it, and only once that window is ingested.");
        List<ViewView> views = features.views();
        long featureCount = views.stream().mapToLong(v -> v.columns().stream().filter(c -> c.role().equals("FEATURE")).count()).sum();
        output.note("   " + views.size() + " starter views, " + featureCount + " features (assay features list), gender and age band beside them "
                + "for fairness checks, never as inputs.");
        ObjectNode node = summary.putObject("features");
        node.put("views", views.size()).put("features", featureCount);
        ArrayNode sets = node.putArray("training_sets");
        for (LabelView label : features.labels()) {
            List<LocalDate> asOfs = java.util.Arrays.stream(WEEKS_BEFORE_LATEST)
                    .mapToObj(days -> lastDay.minusDays(label.horizonDays() + days)).toList();
            TrainingSetView set;
            try {
                set = features.buildTrainingSet(new Requests.BuildTrainingSet(label.useCase(), asOfs, Optional.empty()));
            } catch (io.assay.core.error.AssayException notYet) {
                output.note("   " + label.useCase() + ": no training set yet — " + notYet.getMessage());
                continue;
            }
            var test = set.splits().get("test");
            output.note(String.format("   %-20s %,6d rows over %s, label rate %.2f %% (%d-day horizon; test %s %.2f %%), %s", label.useCase(),
                    set.rows(), asOfs, set.labelRate() * 100, set.horizonDays(), test.asOfs().get(0), test.labelRate() * 100,
                    leftOut(set)));
            sets.addObject().put("use_case", set.useCase()).put("id", set.id()).put("rows", set.rows())
                    .put("label_rate", set.labelRate()).put("test_label_rate", test.labelRate()).put("sha256", set.contentSha256());
        }
        List<ServingTableView> serving = features.materialize(lastDay, Optional.empty());
        output.note("   serving feature tables as of " + lastDay + " (assay features materialize): " + serving.size()
                + " use cases, " + serving.get(0).rows() + " customers each, from the same builds training reads");
        node.put("serving_tables", serving.size());
        node.set("serving_rows", Output.JSON.valueToTree(serving.stream().map(ServingTableView::rows).toList()));
    }

    private static String leftOut(TrainingSetView set) {
        java.util.Map<String, Long> excluded = new java.util.TreeMap<>();
        set.asOfs().forEach(a -> a.excluded().forEach((reason, n) -> excluded.merge(reason, n, Long::sum)));
        return excluded.isEmpty() ? "nobody excluded" : "excluded " + excluded;
    }
}
