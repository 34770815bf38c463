package io.assay.bench;

import java.util.Arrays;

/** Entry point of the benchmarks: {@code data} (simulator and ingest), {@code registry} (transitions and audit verification), {@code server} (the REST read path), {@code features} (training-set builds), {@code scoring} (the compiled scorer beside XGBoost4J) or {@code ingest-once} (a child run). */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "data" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (which) {
            case "data" -> DataBenchmark.main(rest);
            case "ingest-once" -> IngestOnce.main(rest);
            case "registry" -> RegistryBenchmark.main(rest);
            case "server" -> ServerBenchmark.main(rest);
            case "serving" -> ServingBenchmark.main(rest);
            case "features" -> FeatureBenchmark.main(rest);
            case "scoring" -> ScoringBenchmark.main(rest);
            case "training" -> TrainingBenchmark.main(rest);
            case "trainset-once", "peer-once" -> TrainsetOnce.main(which, rest);
            default -> {
                System.err.println("usage: bench data [--rows N] [--runs N] | registry [--transitions N] [--events N] [--runs N] | server [--seconds N] [--connections N] [--runs N] | serving --floor BINARY [--trees N] [--seconds N] [--runs N] | features [--customers N,N] [--runs N] [--work DIR] | scoring [--train-rows N] [--check-rows N] [--iterations N] | ingest-once FILE DATE");
                System.exit(2);
            }
        }
    }
}
