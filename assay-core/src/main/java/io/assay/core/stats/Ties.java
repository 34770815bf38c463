package io.assay.core.stats;

import io.assay.core.error.AssayException;

import java.util.Arrays;

/**
 * The distinct score values in ascending order, with how many positive and negative rows have
 * each. Every rank statistic here walks this table, forwards or backwards, so tied scores are
 * one step by construction and nothing depends on the order of the rows. Built by sorting the
 * positive and the negative scores as primitive arrays and merging them: O(n log n).
 */
final class Ties {
    final double[] values;
    final int[] positives;
    final int[] negatives;
    final int positiveTotal;
    final int negativeTotal;

    private Ties(double[] values, int[] positives, int[] negatives, int positiveTotal, int negativeTotal) {
        this.values = values;
        this.positives = positives;
        this.negatives = negatives;
        this.positiveTotal = positiveTotal;
        this.negativeTotal = negativeTotal;
    }

    /** The table of already checked scores and labels. */
    static Ties of(double[] scores, boolean[] labels) {
        int positiveTotal = (int) Inputs.count(labels);
        double[] positiveScores = new double[positiveTotal];
        double[] negativeScores = new double[labels.length - positiveTotal];
        int p = 0;
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            // + 0.0 turns -0.0 into 0.0: Arrays.sort orders -0.0 before 0.0, yet they are one score.
            if (labels[i]) {
                positiveScores[p++] = scores[i] + 0.0;
            } else {
                negativeScores[n++] = scores[i] + 0.0;
            }
        }
        Arrays.sort(positiveScores);
        Arrays.sort(negativeScores);
        return merge(positiveScores, negativeScores);
    }

    /** As {@link #of}, refusing labels of a single class, for which {@code statistic} is undefined. */
    static Ties ofBothClasses(double[] scores, boolean[] labels, String statistic) {
        Ties ties = of(scores, labels);
        if (ties.positiveTotal == 0 || ties.negativeTotal == 0) {
            throw AssayException.invalid(statistic + " is undefined when every label is "
                    + (ties.positiveTotal == 0 ? "negative" : "positive") + " (" + labels.length
                    + " rows): it compares positive with negative rows, so it needs both");
        }
        return ties;
    }

    int size() {
        return values.length;
    }

    int rows() {
        return positiveTotal + negativeTotal;
    }

    private static Ties merge(double[] positiveScores, double[] negativeScores) {
        int capacity = positiveScores.length + negativeScores.length;
        double[] values = new double[capacity];
        int[] positives = new int[capacity];
        int[] negatives = new int[capacity];
        int distinct = 0;
        int p = 0;
        int n = 0;
        while (p < positiveScores.length || n < negativeScores.length) {
            double value = p == positiveScores.length ? negativeScores[n]
                    : n == negativeScores.length ? positiveScores[p]
                    : Math.min(positiveScores[p], negativeScores[n]);
            int positiveEnd = endOfRun(positiveScores, p, value);
            int negativeEnd = endOfRun(negativeScores, n, value);
            values[distinct] = value;
            positives[distinct] = positiveEnd - p;
            negatives[distinct] = negativeEnd - n;
            distinct++;
            p = positiveEnd;
            n = negativeEnd;
        }
        return new Ties(Arrays.copyOf(values, distinct), Arrays.copyOf(positives, distinct),
                Arrays.copyOf(negatives, distinct), positiveScores.length, negativeScores.length);
    }

    private static int endOfRun(double[] sorted, int from, double value) {
        int end = from;
        while (end < sorted.length && sorted[end] == value) {
            end++;
        }
        return end;
    }
}
