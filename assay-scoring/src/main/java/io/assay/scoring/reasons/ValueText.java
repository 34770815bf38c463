package io.assay.scoring.reasons;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A feature's value as a reason's text shows it: a whole number without decimals ({@code 12}),
 * any other number to at most three decimals, trailing zeros dropped ({@code 0.125},
 * {@code 1234.568}, {@code 2.5}), a number too small to show so to three significant digits
 * ({@code 0.000123}), never an exponent or a grouping separator, and a missing value as
 * {@code missing}.
 */
final class ValueText {
    static final String MISSING = "missing";

    private ValueText() {}

    static String of(float value) {
        if (Float.isNaN(value)) {
            return MISSING;
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "infinity" : "-infinity";
        }
        // The shortest decimal that reads back as this float: 0.1f shows as 0.1, not 0.100000001490116.
        BigDecimal exact = new BigDecimal(Float.toString(value));
        if (exact.signum() == 0) {
            return "0";
        }
        BigDecimal shown = exact.setScale(3, RoundingMode.HALF_UP);
        if (shown.signum() == 0) {
            shown = exact.round(new MathContext(3, RoundingMode.HALF_UP));
        }
        return shown.stripTrailingZeros().toPlainString();
    }
}
