package io.assay.bench;

import io.assay.scoring.xgboost.TreeEnsemble;
import io.assay.scoring.xgboost.XGBoostJson;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.annotations.Mode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The compiled scorer beside XGBoost4J, measured in the same run on the same BANK-300 model:
 * whether training is byte-reproducible, whether the margins are XGBoost's bit for bit over a
 * million rows, one-row latency (p50, p99) and batch rows/s on 1 and 2 threads, in JMH forks.
 */
final class ScoringBenchmark {
    private static final long TRAIN_SEED = 20_240_601L;
    private static final int CHECK_CHUNK = 100_000;

    private ScoringBenchmark() {}

    public static void main(String[] args) throws Exception {
        int trainRows = DataBenchmark.intArgument(args, "--train-rows", 100_000);
        int checkRows = DataBenchmark.intArgument(args, "--check-rows", 1_000_000);
        int iterations = DataBenchmark.intArgument(args, "--iterations", 5);
        System.out.printf("Assay scoring benchmark — %s, %d cores, Java %s, %s%n", BankModel.NAME, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), LocalDate.now());

        long start = System.nanoTime();
        Booster booster = BankModel.train(trainRows, TRAIN_SEED, 1);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        byte[] json = booster.toByteArray("json");
        boolean reproducible = Arrays.equals(json, BankModel.train(trainRows, TRAIN_SEED, 1).toByteArray("json"))
                && Arrays.equals(json, BankModel.train(trainRows, TRAIN_SEED, 2).toByteArray("json"));
        TreeEnsemble compiled = XGBoostJson.read(json);
        System.out.printf("model: %s, %,d nodes, %,d JSON bytes, trained on %,d simulated rows (%.0f%% missing) in %.1f s%n", compiled,
                compiled.nodeCount(), json.length, trainRows, BankModel.MISSING_SHARE * 100, trainSeconds);
        System.out.printf("model bytes identical across two trainings and across nthread 1 and 2: %s%n", reproducible ? "yes" : "no");

        long[] differ = bitIdentity(compiled, booster, checkRows);
        System.out.printf("bit identity over %,d rows: %,d margins differ (one-row path %,d, batch path %,d), must be 0%n", checkRows,
                differ[0] + differ[1], differ[0], differ[1]);
        booster.dispose();

        Path model = Files.createTempFile("assay-bank-300-", ".json");
        try {
            Files.write(model, json);
            measure(model, iterations);
        } finally {
            Files.deleteIfExists(model);
        }
    }

    /** Rows in chunks (a fresh DMatrix each: predict caches per matrix); counts differing float bits per path. */
    private static long[] bitIdentity(TreeEnsemble compiled, Booster booster, int rowCount) throws Exception {
        long[] differ = new long[2];
        float[] row = new float[BankModel.FEATURES];
        for (int done = 0; done < rowCount; done += CHECK_CHUNK) {
            int count = Math.min(CHECK_CHUNK, rowCount - done);
            float[] rows = BankModel.rows(count, TRAIN_SEED + 1_000 + done);
            DMatrix matrix = BankModel.matrix(rows, count);
            float[][] expected = booster.predict(matrix, true, 0);
            matrix.dispose();
            float[] batch = new float[count];
            compiled.margins(rows, count, batch);
            for (int r = 0; r < count; r++) {
                System.arraycopy(rows, r * BankModel.FEATURES, row, 0, BankModel.FEATURES);
                int bits = Float.floatToRawIntBits(expected[r][0]);
                differ[0] += Float.floatToRawIntBits(compiled.margin(row)) == bits ? 0 : 1;
                differ[1] += Float.floatToRawIntBits(batch[r]) == bits ? 0 : 1;
            }
        }
        return differ;
    }

    private static void measure(Path model, int iterations) throws Exception {
        System.out.printf("%nJMH: 1 fork per figure, %d warm-up and %d measured iterations%n", 3, iterations);
        System.out.println("one row (each call scores one row; XGBoost4J builds a fresh one-row DMatrix per call)");
        double[] compiled = latency(model, iterations, "singleRowCompiled");
        double[] predict = latency(model, iterations, "singleRowXGBoostPredict");
        double[] inplace = latency(model, iterations, "singleRowXGBoostInplace");
        System.out.printf("  compiled scorer             p50 %8.2f µs   p99 %8.2f µs%n", compiled[0], compiled[1]);
        System.out.printf("  XGBoost4J predict           p50 %8.2f µs   p99 %8.2f µs   compiled is %.1fx faster at p50, %.1fx at p99%n",
                predict[0], predict[1], predict[0] / compiled[0], predict[1] / compiled[1]);
        System.out.printf("  XGBoost4J inplace_predict   p50 %8.2f µs   p99 %8.2f µs   compiled is %.1fx faster at p50, %.1fx at p99%n",
                inplace[0], inplace[1], inplace[0] / compiled[0], inplace[1] / compiled[1]);

        System.out.printf("batch (%,d rows per call; rows/s, median of the measured iterations)%n", ScoringJmh.BATCH_ROWS);
        for (int threads : new int[] {1, 2}) {
            double ours = rowsPerSecond(model, iterations, "batchCompiled", threads, 1);
            double peer = rowsPerSecond(model, iterations, "batchXGBoostPredict", 1, threads);
            double peerInplace = rowsPerSecond(model, iterations, "batchXGBoostInplace", 1, threads);
            System.out.printf("  %d thread%s: compiled %,11.0f   XGBoost4J predict (nthread %d) %,11.0f   ratio %.2fx"
                            + "   | inplace_predict %,11.0f   ratio %.2fx%n", threads, threads == 1 ? " " : "s", ours, threads, peer,
                    ours / peer, peerInplace, ours / peerInplace);
        }
    }

    /** p50 and p99 in µs of one benchmark method, every invocation timed. */
    private static double[] latency(Path model, int iterations, String method) throws Exception {
        RunResult result = run(options(model, iterations, method).mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS)
                .measurementTime(TimeValue.seconds(2)).threads(1).param("xgboostThreads", "1"));
        return new double[] {result.getPrimaryResult().getStatistics().getPercentile(50),
                result.getPrimaryResult().getStatistics().getPercentile(99)};
    }

    private static double rowsPerSecond(Path model, int iterations, String method, int threads, int xgboostThreads) throws Exception {
        RunResult result = run(options(model, iterations, method).mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)
                .measurementTime(TimeValue.seconds(1)).threads(threads).param("xgboostThreads", Integer.toString(xgboostThreads)));
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        }
        return median(scores) * ScoringJmh.BATCH_ROWS;
    }

    private static ChainedOptionsBuilder options(Path model, int iterations, String method) {
        return new OptionsBuilder()
                .include(ScoringJmh.class.getName() + "\\." + method + "$")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .jvmArgsAppend("-Xmx1g", "-D" + ScoringJmh.MODEL_PROPERTY + "=" + model.toAbsolutePath())
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    private static RunResult run(ChainedOptionsBuilder options) throws Exception {
        Collection<RunResult> results = new Runner(options.build()).run();
        if (results.size() != 1) {
            throw new IllegalStateException("expected one JMH result, got " + results.size());
        }
        return results.iterator().next();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
