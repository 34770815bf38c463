package io.assay.core.stats;

import io.assay.core.error.AssayException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The distribution of one numeric feature (or score) over fixed bins: fitted once on the
 * training reference, stored with the model, and laid over later data with
 * {@link #countsOf(double[])} so that both are counted on the same edges and can be compared
 * ({@link Psi}). A plain record of lists and numbers, so it serialises to JSON and back as is.
 *
 * <p><b>Bins.</b> The {@code edges} are cut points e<sub>0</sub> &lt; … &lt; e<sub>k−1</sub>;
 * they make k + 1 bins, (−∞, e<sub>0</sub>), [e<sub>0</sub>, e<sub>1</sub>), …,
 * [e<sub>k−1</sub>, +∞), so a value below the first edge or above the last falls in an outer
 * bin, and a value equal to an edge falls in the bin it starts. Null values (NaN) are counted
 * apart in {@code nulls}.
 *
 * @param edges the cut points, strictly increasing and finite
 * @param counts the non-null values per bin, one more than the edges
 * @param nulls the null (NaN) values
 * @param min the smallest non-null value, NaN when every value is null
 * @param max the largest non-null value, NaN when every value is null
 */
public record BinnedProfile(List<Double> edges, List<Long> counts, long nulls, double min, double max) {
    public BinnedProfile {
        requireNonNull(edges, "edges is null");
        requireNonNull(counts, "counts is null");
        List<Double> normalised = new ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            Double edge = edges.get(i);
            if (edge == null || !Double.isFinite(edge)) {
                throw AssayException.invalid("profile edge " + i + " is " + edge + "; edges must be finite numbers");
            }
            if (i > 0 && edge <= normalised.get(i - 1)) {
                throw AssayException.invalid("profile edge " + i + " (" + edge + ") is not above the edge before it ("
                        + normalised.get(i - 1) + "); edges must be strictly increasing");
            }
            normalised.add(edge + 0.0); // -0.0 and 0.0 are one edge; keep one spelling so equal edges compare equal
        }
        edges = List.copyOf(normalised);
        if (counts.size() != edges.size() + 1) {
            throw AssayException.invalid("a profile with " + edges.size() + " edges has " + (edges.size() + 1)
                    + " bins, but " + counts.size() + " counts were given");
        }
        long nonNull = 0;
        for (int i = 0; i < counts.size(); i++) {
            Long count = counts.get(i);
            if (count == null || count < 0) {
                throw AssayException.invalid("profile count of bin " + i + " is " + count + "; counts must be at least 0");
            }
            nonNull += count;
        }
        counts = List.copyOf(counts);
        if (nulls < 0) {
            throw AssayException.invalid("profile null count " + nulls + " is below 0");
        }
        if (nonNull + nulls == 0) {
            throw AssayException.invalid("a profile needs at least one value; it has none");
        }
        if (nonNull == 0 && !(Double.isNaN(min) && Double.isNaN(max))) {
            throw AssayException.invalid("a profile of null values only has no min or max (NaN), not " + min + " and " + max);
        }
        if (nonNull > 0 && !(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw AssayException.invalid("profile min " + min + " and max " + max
                    + " must be finite with min at most max when there are non-null values");
        }
    }

    /**
     * Fits at most {@code maxBins} bins of near-equal counts to the reference {@code values}
     * (NaN = null; infinities refused). With the m non-null values sorted, the j-th cut
     * (j = 1 … maxBins − 1) is the value at position ⌊j · m / maxBins⌋, counting from 0; a cut
     * equal to the previous cut or to the minimum is dropped. Every edge is thus an observed
     * value that starts its bin, so <b>no bin of the reference is empty</b>, a feature with d
     * distinct values gets at most d bins, and a constant feature (or one of nulls only) a
     * single bin. Heavy ties make bins unequal rather than splitting a value across two bins.
     */
    public static BinnedProfile fit(double[] values, int maxBins) {
        requireValues(values);
        if (maxBins < 1) {
            throw AssayException.invalid("a profile needs at least one bin, not " + maxBins);
        }
        double[] sorted = nonNullSorted(values);
        List<Double> edges = new ArrayList<>();
        for (int j = 1; j < maxBins && sorted.length > 0; j++) {
            double cut = sorted[(int) ((long) j * sorted.length / maxBins)];
            double previous = edges.isEmpty() ? sorted[0] : edges.get(edges.size() - 1);
            if (cut > previous) {
                edges.add(cut);
            }
        }
        return count(edges, values, sorted);
    }

    /** A profile of {@code values} (NaN = null; infinities refused) over this profile's edges. */
    public BinnedProfile countsOf(double[] values) {
        requireValues(values);
        return count(edges, values, nonNullSorted(values));
    }

    /** All values profiled, null or not. */
    public long total() {
        return nulls + counts.stream().mapToLong(Long::longValue).sum();
    }

    /** The share of values that are null. */
    public double nullShare() {
        return (double) nulls / total();
    }

    private static BinnedProfile count(List<Double> edges, double[] values, double[] sorted) {
        double[] cuts = edges.stream().mapToDouble(Double::doubleValue).toArray();
        long[] counts = new long[cuts.length + 1];
        for (double value : sorted) {
            counts[binOf(cuts, value)]++;
        }
        List<Long> countList = Arrays.stream(counts).boxed().toList();
        long nulls = values.length - sorted.length;
        if (sorted.length == 0) {
            return new BinnedProfile(edges, countList, nulls, Double.NaN, Double.NaN);
        }
        return new BinnedProfile(edges, countList, nulls, sorted[0], sorted[sorted.length - 1]);
    }

    /** The number of edges at or below {@code value}, which is the index of its bin. */
    private static int binOf(double[] cuts, double value) {
        int low = 0;
        int high = cuts.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cuts[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double[] nonNullSorted(double[] values) {
        double[] nonNull = Arrays.stream(values).filter(value -> !Double.isNaN(value)).map(value -> value + 0.0).toArray();
        Arrays.sort(nonNull);
        return nonNull;
    }

    private static void requireValues(double[] values) {
        requireNonNull(values, "values is null");
        if (values.length == 0) {
            throw AssayException.invalid("values are empty; a profile needs at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw AssayException.invalid("value at index " + i
                        + " is infinite; profiles take finite values, with NaN for null");
            }
        }
    }
}
