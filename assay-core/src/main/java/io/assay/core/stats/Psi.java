package io.assay.core.stats;

import io.assay.core.error.AssayException;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The population stability index between a reference profile and a later one over the same
 * edges: Σ (a − e) · ln(a / e) over the bins, e being the reference share of a bin and a the
 * actual (later) share. Nulls are a bin of their own, so a rise in missing values is drift
 * too. The index is symmetric in its two profiles and never negative; a common reading is
 * below 0.1 stable, 0.1 to 0.25 a moderate shift, above 0.25 a major one — the bound belongs
 * to the caller.
 *
 * <p><b>Empty bins.</b> A share of 0 would make the logarithm infinite, so every share is
 * first raised to at least {@link #SHARE_FLOOR} (shares are counts over all values, nulls
 * included; after flooring they may add up to slightly more than 1). This is the common
 * practice; it caps what one empty bin can add: (0.1 − 0.0001) · ln(0.1 / 0.0001) ≈ 0.69 for a
 * bin holding 10 % of one profile and nothing of the other.
 */
public final class Psi {
    /** The smallest share a bin counts with: 1e-4, i.e. 0.01 %. */
    public static final double SHARE_FLOOR = 1e-4;

    private Psi() {}

    /** The PSI of {@code actual} against {@code reference}; refuses profiles with different edges. */
    public static double of(BinnedProfile reference, BinnedProfile actual) {
        requireNonNull(reference, "reference is null");
        requireNonNull(actual, "actual is null");
        requireSameEdges(reference, actual);
        List<Double> expected = floored(reference);
        List<Double> observed = floored(actual);
        double psi = 0;
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i);
            double a = observed.get(i);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /** The floored shares of the bins in order, then of the nulls. */
    private static List<Double> floored(BinnedProfile profile) {
        double total = profile.total();
        List<Double> shares = new ArrayList<>(profile.counts().size() + 1);
        for (long count : profile.counts()) {
            shares.add(Math.max(count / total, SHARE_FLOOR));
        }
        shares.add(Math.max(profile.nulls() / total, SHARE_FLOOR));
        return shares;
    }

    private static void requireSameEdges(BinnedProfile reference, BinnedProfile actual) {
        if (reference.edges().equals(actual.edges())) {
            return;
        }
        if (reference.edges().size() != actual.edges().size()) {
            throw AssayException.invalid("the profiles have different bin edges (" + reference.edges().size()
                    + " edges in the reference, " + actual.edges().size()
                    + " in the other); profile new data with reference.countsOf(values)");
        }
        int i = 0;
        while (reference.edges().get(i).equals(actual.edges().get(i))) {
            i++;
        }
        throw AssayException.invalid("the profiles have different bin edges (edge " + i + " is "
                + reference.edges().get(i) + " in the reference, " + actual.edges().get(i)
                + " in the other); profile new data with reference.countsOf(values)");
    }
}
