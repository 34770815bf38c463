package io.assay.data.ingest;

import io.assay.core.common.Names;
import io.assay.core.data.PrivacyClass;
import io.assay.data.contract.ContractColumn;
import io.assay.data.contract.Pseudonymisation;
import io.assay.data.privacy.Pseudonymiser;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One contract column compiled for the hot path: checks a raw CSV value and turns it into the
 * value stored in the snapshot (typed, or tokenised). Returns a {@link Violation} instead of a
 * value when the raw value breaks a rule — no exception per bad value, no allocation per good one.
 */
final class ColumnCheck {
    private final ContractColumn column;
    private final LocalDate businessDate;
    private final Pseudonymiser pseudonymiser;
    private final IdentifierScanner scanner;
    private final boolean showValues;

    ColumnCheck(ContractColumn column, LocalDate businessDate, Pseudonymiser pseudonymiser, IdentifierScanner scanner) {
        this.column = column;
        this.businessDate = businessDate;
        this.pseudonymiser = pseudonymiser;
        this.scanner = scanner;
        this.showValues = column.privacy() != PrivacyClass.DIRECT_IDENTIFIER && !column.freeText();
    }

    ContractColumn column() {
        return column;
    }

    /** The stored value (null for an allowed empty value), or a {@link Violation}. */
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
        if (column.pseudonymisation() == Pseudonymisation.TOKENISE) {
            return pseudonymiser.token(column.tokenDomain().orElseThrow(), raw);
        }
        return value;
    }

    private Object parse(long row, String raw) {
        return switch (column.type()) {
            case STRING -> column.pattern().isPresent() && !column.pattern().get().matcher(raw).matches()
                    ? violation(row, Rule.PATTERN_MISMATCH, shown(raw) + " does not match " + column.pattern().get().pattern())
                    : raw;
            case CODE -> column.allowedValues().contains(raw) ? raw : violation(row, Rule.UNKNOWN_CODE, shown(raw) + " is not an allowed code");
            case INTEGER -> parseInteger(row, raw);
            case DECIMAL -> parseDecimal(row, raw);
            case DATE -> parseDate(row, raw);
            case TIMESTAMP -> parseTimestamp(row, raw);
        };
    }

    private Object parseInteger(long row, String raw) {
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return violation(row, Rule.INVALID_NUMBER, shown(raw) + " is not a whole number");
        }
        return inRange(BigDecimal.valueOf(value)) ? value : violation(row, Rule.OUT_OF_RANGE, rangeMessage(raw));
    }

    private Object parseDecimal(long row, String raw) {
        BigDecimal value;
        try {
            value = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return violation(row, Rule.INVALID_NUMBER, shown(raw) + " is not a decimal number");
        }
        if (value.scale() > column.scale() || raw.indexOf('e') >= 0 || raw.indexOf('E') >= 0) {
            return violation(row, Rule.INVALID_NUMBER, shown(raw) + " is not a plain decimal with at most "
                    + column.scale() + " fraction digits");
        }
        return inRange(value) ? value.setScale(column.scale()) : violation(row, Rule.OUT_OF_RANGE, rangeMessage(raw));
    }

    private Object parseDate(long row, String raw) {
        LocalDate date = isoDate(raw, 0);
        if (date == null || raw.length() != 10) {
            return violation(row, Rule.INVALID_DATE, shown(raw) + " is not a date (yyyy-MM-dd)");
        }
        if (column.onBusinessDate() && !date.equals(businessDate)) {
            return violation(row, Rule.NOT_ON_BUSINESS_DATE, shown(raw) + " is not the batch's business date " + businessDate);
        }
        return date;
    }

    private Object parseTimestamp(long row, String raw) {
        LocalDate date = raw.length() == 19 && raw.charAt(10) == 'T' ? isoDate(raw, 0) : null;
        int hour = date == null ? -1 : twoDigits(raw, 11);
        int minute = raw.length() == 19 && raw.charAt(13) == ':' ? twoDigits(raw, 14) : -1;
        int second = raw.length() == 19 && raw.charAt(16) == ':' ? twoDigits(raw, 17) : -1;
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return violation(row, Rule.INVALID_TIMESTAMP, shown(raw) + " is not a timestamp (yyyy-MM-ddTHH:mm:ss)");
        }
        if (column.onBusinessDate() && !date.equals(businessDate)) {
            return violation(row, Rule.NOT_ON_BUSINESS_DATE, shown(raw) + " is not on the batch's business date " + businessDate);
        }
        return LocalDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, second);
    }

    private boolean inRange(BigDecimal value) {
        return column.min().map(min -> value.compareTo(min) >= 0).orElse(true)
                && column.max().map(max -> value.compareTo(max) <= 0).orElse(true);
    }

    private String rangeMessage(String raw) {
        return shown(raw) + " is outside " + column.min().map(BigDecimal::toPlainString).orElse("-∞") + ".."
                + column.max().map(BigDecimal::toPlainString).orElse("∞");
    }

    private Violation violation(long row, Rule rule, String detail) {
        return new Violation(row, rule, column.name(), detail);
    }

    /** The raw value for an error message, or a placeholder where the value may identify someone. */
    private String shown(String raw) {
        return showValues ? Names.quoted(raw) : "the value (withheld: " + column.privacy() + ")";
    }

    /** Parses {@code yyyy-MM-dd} at {@code offset}, or returns null; hand-written because it runs per value. */
    private static LocalDate isoDate(String raw, int offset) {
        if (raw.length() < offset + 10 || raw.charAt(offset + 4) != '-' || raw.charAt(offset + 7) != '-') {
            return null;
        }
        int year = twoDigits(raw, offset) * 100 + twoDigits(raw, offset + 2);
        int month = twoDigits(raw, offset + 5);
        int day = twoDigits(raw, offset + 8);
        if (year < 0 || month < 0 || day < 0 || twoDigits(raw, offset) < 0 || twoDigits(raw, offset + 2) < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
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
