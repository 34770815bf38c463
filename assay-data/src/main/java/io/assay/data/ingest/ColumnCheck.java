package io.assay.data.ingest;

import io.assay.core.common.Names;
import io.assay.core.data.PrivacyClass;
import io.assay.data.contract.ColumnType;
import io.assay.data.contract.ContractColumn;
import io.assay.data.contract.Pseudonymisation;
import io.assay.data.privacy.Pseudonymiser;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One contract column compiled for the hot path: checks a raw CSV value and returns the text the
 * snapshot stores (the canonical value, or its token), or a {@link Violation} when the value
 * breaks a rule — no exception per bad value, and little allocation per good one.
 */
final class ColumnCheck {
    private final ContractColumn column;
    private final LocalDate businessDate;
    private final Pseudonymiser.DomainTokens tokens;
    private final IdentifierScanner scanner;
    private final boolean showValues;
    private final Optional<ShapePattern> shape;
    private final long min;
    private final long max;
    private final long scaleFactor;
    /** What a number of this column must look like, for its violation message (built once, not per value). */
    private final String numberShape;
    /** The business date as the file writes it: nearly every date in a day's batch, so it is recognised by text first. */
    private final String businessDateText;

    ColumnCheck(ContractColumn column, LocalDate businessDate, Pseudonymiser pseudonymiser, IdentifierScanner scanner) {
        this.column = column;
        this.businessDate = businessDate;
        this.tokens = column.pseudonymisation() == Pseudonymisation.TOKENISE
                ? pseudonymiser.forDomain(column.tokenDomain().orElseThrow()) : null;
        this.scanner = scanner;
        this.showValues = column.privacy() != PrivacyClass.DIRECT_IDENTIFIER && !column.freeText();
        this.shape = column.pattern().flatMap(pattern -> ShapePattern.compile(pattern.pattern()));
        boolean decimal = column.type() == ColumnType.DECIMAL;
        int scale = decimal ? column.scale() : 0;
        this.scaleFactor = BigDecimal.TEN.pow(scale).longValueExact();
        this.numberShape = decimal
                ? "a plain decimal with at most " + scale + " fraction digits" : "a whole number";
        this.businessDateText = businessDate.toString();
        this.min = column.min().map(m -> unscaled(m, scale)).orElse(Long.MIN_VALUE);
        this.max = column.max().map(m -> unscaled(m, scale)).orElse(Long.MAX_VALUE);
    }

    ContractColumn column() {
        return column;
    }

    /**
     * Whether every stored text of this column is free of CSV's special characters (comma, quote,
     * line break), so staging can skip looking: tokens, numbers, dates, fixed-shape ids and codes
     * that hold none.
     */
    static boolean storesPlainText(ContractColumn column) {
        if (column.pseudonymisation() == Pseudonymisation.TOKENISE) {
            return true;
        }
        Optional<ShapePattern> shape = column.pattern().flatMap(pattern -> ShapePattern.compile(pattern.pattern()));
        return switch (column.type()) {
            case INTEGER, DECIMAL, DATE, TIMESTAMP -> true;
            case CODE -> column.allowedValues().stream().allMatch(ColumnCheck::isPlain);
            case STRING -> shape.isPresent() && !column.freeText()
                    && ",\"\n\r".chars().noneMatch(special -> shape.get().admits((char) special));
        };
    }

    private static boolean isPlain(String value) {
        return !value.isEmpty() && value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    }

    /** The stored text (null for an allowed empty value), or a {@link Violation}. */
    Object check(long row, String raw) {
        if (raw.isEmpty()) {
            return column.nullable() ? null : violation(row, Rule.MISSING_VALUE, "a value is required");
        }
        if (raw.length() > column.maxLength()) {
            return violation(row, Rule.TOO_LONG, raw.length() + " characters, at most " + column.maxLength());
        }
        Object value = parse(row, raw);
        if (value instanceof Violation) {
            return value;
        }
        if (column.freeText()) {
            Optional<String> leaked = scanner.scan(raw);
            if (leaked.isPresent()) {
                return violation(row, Rule.LEAKED_IDENTIFIER, "free text holds " + leaked.get() + " (value withheld)");
            }
        }
        if (tokens != null) {
            return tokens.token(raw);
        }
        return value;
    }

    private Object parse(long row, String raw) {
        return switch (column.type()) {
            case STRING -> matchesPattern(raw) ? raw
                    : violation(row, Rule.PATTERN_MISMATCH, shown(raw) + " does not match " + column.pattern().orElseThrow().pattern());
            case CODE -> column.allowedValues().contains(raw) ? raw : violation(row, Rule.UNKNOWN_CODE, shown(raw) + " is not an allowed code");
            case INTEGER -> parseNumber(row, raw, 0);
            case DECIMAL -> parseNumber(row, raw, column.scale());
            case DATE -> parseDate(row, raw);
            case TIMESTAMP -> parseTimestamp(row, raw);
        };
    }

    private boolean matchesPattern(String raw) {
        if (column.pattern().isEmpty()) {
            return true;
        }
        return shape.isPresent() ? shape.get().matches(raw) : column.pattern().get().matcher(raw).matches();
    }

    /** Parses [-]digits[.digits] by hand into a long of {@code scale} fraction digits, and returns its canonical text. */
    private Object parseNumber(long row, String raw, int scale) {
        int i = 0;
        boolean negative = raw.charAt(0) == '-';
        if (negative || raw.charAt(0) == '+') {
            i = 1;
        }
        long whole = 0;
        int wholeDigits = 0;
        for (; i < raw.length() && Character.isDigit(raw.charAt(i)); i++, wholeDigits++) {
            whole = whole * 10 + (raw.charAt(i) - '0');
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < raw.length() && raw.charAt(i) == '.' && scale > 0) {
            for (i++; i < raw.length() && Character.isDigit(raw.charAt(i)); i++, fractionDigits++) {
                fraction = fraction * 10 + (raw.charAt(i) - '0');
            }
        }
        if (i != raw.length() || wholeDigits == 0 || wholeDigits > 18 - scale || fractionDigits > scale) {
            return violation(row, Rule.INVALID_NUMBER, shown(raw) + " is not " + numberShape);
        }
        boolean canonical = raw.charAt(0) != '+' && fractionDigits == scale
                && (wholeDigits == 1 || raw.charAt(negative ? 1 : 0) != '0');
        for (int d = fractionDigits; d < scale; d++) {
            fraction *= 10;
        }
        long unscaled = (whole * scaleFactor + fraction) * (negative ? -1 : 1);
        canonical &= !(negative && unscaled == 0);
        if (unscaled < min || unscaled > max) {
            return violation(row, Rule.OUT_OF_RANGE, shown(raw) + " is outside "
                    + column.min().map(BigDecimal::toPlainString).orElse("-∞") + ".."
                    + column.max().map(BigDecimal::toPlainString).orElse("∞"));
        }
        if (canonical) {
            return raw;
        }
        return scale == 0 ? Long.toString(unscaled) : BigDecimal.valueOf(unscaled, scale).toPlainString();
    }

    private Object parseDate(long row, String raw) {
        if (raw.equals(businessDateText)) {
            return raw;
        }
        LocalDate date = raw.length() == 10 ? isoDate(raw) : null;
        if (date == null) {
            return violation(row, Rule.INVALID_DATE, shown(raw) + " is not a date (yyyy-MM-dd)");
        }
        if (column.onBusinessDate() && !date.equals(businessDate)) {
            return violation(row, Rule.NOT_ON_BUSINESS_DATE, shown(raw) + " is not the batch's business date " + businessDate);
        }
        return raw;
    }

    private Object parseTimestamp(long row, String raw) {
        LocalDate date = raw.length() == 19 && raw.charAt(10) == 'T' ? isoDate(raw) : null;
        int hour = date == null ? -1 : twoDigits(raw, 11);
        int minute = date != null && raw.charAt(13) == ':' ? twoDigits(raw, 14) : -1;
        int second = date != null && raw.charAt(16) == ':' ? twoDigits(raw, 17) : -1;
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return violation(row, Rule.INVALID_TIMESTAMP, shown(raw) + " is not a timestamp (yyyy-MM-ddTHH:mm:ss)");
        }
        if (column.onBusinessDate() && !date.equals(businessDate)) {
            return violation(row, Rule.NOT_ON_BUSINESS_DATE, shown(raw) + " is not on the batch's business date " + businessDate);
        }
        return raw;
    }

    private Violation violation(long row, Rule rule, String detail) {
        return new Violation(row, rule, column.name(), detail);
    }

    /** The raw value for an error message, or a placeholder where the value may identify someone. */
    private String shown(String raw) {
        return showValues ? Names.quoted(raw) : "the value (withheld: " + column.privacy() + ")";
    }

    private static long unscaled(BigDecimal bound, int scale) {
        return bound.setScale(scale, java.math.RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** Parses {@code yyyy-MM-dd} at the start of {@code raw}, or returns null; hand-written because it runs per value. */
    private static LocalDate isoDate(String raw) {
        if (raw.charAt(4) != '-' || raw.charAt(7) != '-') {
            return null;
        }
        int century = twoDigits(raw, 0);
        int yearOfCentury = twoDigits(raw, 2);
        int month = twoDigits(raw, 5);
        int day = twoDigits(raw, 8);
        if (century < 0 || yearOfCentury < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(century * 100 + yearOfCentury, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int twoDigits(String raw, int offset) {
        char tens = raw.charAt(offset);
        char ones = raw.charAt(offset + 1);
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
            return -1;
        }
        return (tens - '0') * 10 + (ones - '0');
    }
}
