package io.assay.scoring.reasons;

import io.assay.core.error.AssayException;

import static java.util.Objects.requireNonNull;

/**
 * One reason a row scored as it did: the feature, its reason code, whether it raised the score
 * ({@value #UP}) or lowered it ({@value #DOWN}), its contribution in margin (log-odds) space, and
 * the catalogue's text with the row's value filled in.
 */
public record Reason(String feature, String code, String direction, double contribution, String text) {
    public static final String UP = "up";
    public static final String DOWN = "down";

    public Reason {
        requireNonNull(feature, "feature is null");
        requireNonNull(code, "code is null");
        requireNonNull(text, "text is null");
        if (!Double.isFinite(contribution) || contribution == 0) {
            throw AssayException.invalid("the reason for " + feature + " has contribution " + contribution
                    + ": a reason is a finite contribution other than 0");
        }
        String expected = contribution > 0 ? UP : DOWN;
        if (!expected.equals(direction)) {
            throw AssayException.invalid("the reason for " + feature + " says '" + direction + "' for a contribution of "
                    + contribution + ", which is '" + expected + "'");
        }
    }
}
