package io.assay.cli.features;

import io.assay.api.FeatureViews.BuildView;
import io.assay.api.FeatureViews.TrainingSetView;

import java.io.PrintWriter;

/** How builds and training sets read on a terminal. */
public final class FeatureText {
    private FeatureText() {}

    static void build(PrintWriter out, BuildView build) {
        out.printf("%s %s: %,d rows, %d columns, SHA-256 %s%n", build.published() ? "Published" : "Already built", build.id(),
                build.rows(), build.columns().size(), build.contentSha256());
        out.printf("  view %s v%d (SQL SHA-256 %s) as of %s, from %d snapshot(s) of %s; read %s%n", build.view(), build.viewVersion(),
                build.sqlSha256().substring(0, 12), build.asOf(), build.inputs().size(),
                build.inputs().stream().map(i -> i.table()).distinct().sorted().toList(), build.readId());
        build.warnings().forEach(warning -> out.println("  warning: " + warning));
    }

    /** The training set's sizes, label rates, what was left out and why. */
    public static void trainingSet(PrintWriter out, TrainingSetView set) {
        out.printf("%s %s: %,d rows, label rate %.2f %%, %d features (+%d attributes), SHA-256 %s%n",
                set.published() ? "Published" : "Already built", set.id(), set.rows(), set.labelRate() * 100, set.features().size(),
                set.attributes().size(), set.contentSha256());
        out.printf("  use case %s, label v%d (%d-day horizon), population rule %s%n", set.useCase(), set.labelVersion(),
                set.horizonDays(), set.population());
        out.printf("  %-10s %-11s %10s %8s %10s  %s%n", "AS OF", "SPLIT", "ROWS", "LABEL %", "POPULATION", "LEFT OUT");
        set.asOfs().forEach(a -> {
            StringBuilder leftOut = new StringBuilder();
            a.excluded().forEach((reason, n) -> leftOut.append(reason).append(' ').append(n).append(", "));
            if (a.withoutLabel() > 0) {
                leftOut.append("no label ").append(a.withoutLabel()).append(", ");
            }
            a.withoutFeatures().forEach((view, n) -> {
                if (n > 0) {
                    leftOut.append("not in ").append(view).append(' ').append(n).append(", ");
                }
            });
            out.printf("  %-10s %-11s %,10d %8.2f %,10d  %s%n", a.asOf(), a.split(), a.rows(), a.labelRate() * 100, a.population(),
                    leftOut.isEmpty() ? "-" : leftOut.substring(0, leftOut.length() - 2));
        });
        set.splits().forEach((split, s) -> out.printf("  %-11s %,9d rows, label rate %.2f %%, as of %s%n", split, s.rows(),
                s.labelRate() * 100, s.asOfs()));
        set.warnings().forEach(warning -> out.println("  warning: " + warning));
    }
}
