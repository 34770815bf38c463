package io.assay.train.model;

/** Where a long training run reports how far it is: the CLI prints it, tests ignore it. */
@FunctionalInterface
public interface TrainingProgress {
    TrainingProgress SILENT = (round, rounds, metric, value) -> { };

    /** After boosting round (or Newton step) {@code round} of at most {@code rounds}: the validation metric. */
    void round(int round, int rounds, String metric, double value);
}
