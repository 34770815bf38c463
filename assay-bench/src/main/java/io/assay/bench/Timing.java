package io.assay.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated wall-clock measurements, summarised by their median (the machine is noisy). */
final class Timing {
    private final List<Double> seconds = new ArrayList<>();

    interface Run {
        void run() throws Exception;
    }

    static Timing measure(int runs, Run run) throws Exception {
        Timing timing = new Timing();
        for (int i = 0; i < runs; i++) {
            timing.add(run);
        }
        return timing;
    }

    void add(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        seconds.add((System.nanoTime() - start) / 1e9);
    }

    /** A run measured elsewhere (in a child JVM, say). */
    void add(double runSeconds) {
        seconds.add(runSeconds);
    }

    double median() {
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return Collections.min(seconds);
    }

    double max() {
        return Collections.max(seconds);
    }

    /** Every run in order, e.g. "3.512 s, 1.610 s, 1.433 s". */
    String runs() {
        return String.join(", ", seconds.stream().map(s -> String.format("%.3f s", s)).toList());
    }

    @Override
    public String toString() {
        return String.format("median %.3f s (min %.3f, max %.3f, %d runs)", median(), min(), max(), seconds.size());
    }
}
