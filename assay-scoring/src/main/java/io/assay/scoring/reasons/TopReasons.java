package io.assay.scoring.reasons;

import io.assay.core.error.AssayException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The reasons a row scored as it did, most telling first, in its use case's words. */
public final class TopReasons {
    /** Every reason a row has: {@code k} of -1 (or {@link Integer#MAX_VALUE}). */
    public static final int ALL = -1;

    private TopReasons() {}

    /**
     * The row's top {@code k} reasons, ordered by the size of their contribution, largest first
     * (equal sizes in feature order). Only features that moved the score count: a contribution
     * of exactly 0 gives no reason. A feature the catalogue does not name gets the code
     * {@value ReasonCatalogue#GENERIC_CODE} and "<i>feature</i> raised the score" (or lowered it).
     *
     * @param contributions an explainer's output: one per feature, then the bias (which is no reason)
     * @param featureNames  the model's features, in row order
     * @param row           the row explained, whose values fill the texts' {@value ReasonCatalogue#VALUE}
     * @param k             how many: 0 for none, {@link #ALL} or {@link Integer#MAX_VALUE} for all
     * @throws AssayException INVALID_ARGUMENT when the lengths disagree, k is below -1 or a contribution is not finite
     */
    public static List<Reason> of(double[] contributions, List<String> featureNames, float[] row, ReasonCatalogue catalogue, int k) {
        requireNonNull(contributions, "contributions is null");
        requireNonNull(featureNames, "featureNames is null");
        requireNonNull(row, "row is null");
        requireNonNull(catalogue, "catalogue is null");
        int features = featureNames.size();
        if (contributions.length != features + 1) {
            throw AssayException.invalid(contributions.length + " contributions for " + features + " features: one per feature "
                    + "and the bias are " + (features + 1));
        }
        if (row.length != features) {
            throw AssayException.invalid("a row of " + row.length + " values for " + features + " features");
        }
        if (k < ALL) {
            throw AssayException.invalid("k is " + k + ": ask for 0 or more reasons, or " + ALL + " for all");
        }
        List<Integer> moved = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            if (!Double.isFinite(contributions[f])) {
                throw AssayException.invalid("the contribution of " + featureNames.get(f) + " is " + contributions[f]);
            }
            if (contributions[f] != 0) {
                moved.add(f);
            }
        }
        // A stable sort: equal sizes keep feature order.
        moved.sort(Comparator.comparingDouble((Integer f) -> Math.abs(contributions[f])).reversed());
        int wanted = k == ALL ? moved.size() : Math.min(k, moved.size());
        List<Reason> reasons = new ArrayList<>(wanted);
        for (int f : moved.subList(0, wanted)) {
            reasons.add(reason(featureNames.get(f), contributions[f], row[f], catalogue));
        }
        return List.copyOf(reasons);
    }

    private static Reason reason(String feature, double contribution, float value, ReasonCatalogue catalogue) {
        boolean up = contribution > 0;
        String direction = up ? Reason.UP : Reason.DOWN;
        Optional<ReasonCatalogue.Entry> entry = catalogue.entry(feature);
        if (entry.isEmpty()) {
            // Made here, not as an Entry: any signature name must give a reason, whatever its length or characters.
            return new Reason(feature, ReasonCatalogue.GENERIC_CODE, direction, contribution,
                    ReasonCatalogue.genericText(feature, up));
        }
        String text = up ? entry.get().up() : entry.get().down();
        return new Reason(feature, entry.get().code(), direction, contribution, text.replace(ReasonCatalogue.VALUE, ValueText.of(value)));
    }
}
