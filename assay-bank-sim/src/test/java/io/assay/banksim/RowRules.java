package io.assay.banksim;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What EXTRACT_FORMAT.md promises about each value, as checks a test can apply to a row read
 * back from the files. Each check returns the broken promise, or empty.
 */
final class RowRules {
    static final Map<String, Pattern> ID_PATTERNS = Map.of(
            "customer_id", Pattern.compile("C\\d{8}"),
            "account_id", Pattern.compile("A\\d{9}"),
            "transaction_id", Pattern.compile("T\\d{12}"));
    static final Pattern PRODUCT_EVENT_ID = Pattern.compile("P\\d{10}");
    static final Pattern DIGITAL_EVENT_ID = Pattern.compile("E\\d{12}");
    static final Pattern IBAN = Pattern.compile("NL\\d{2}[A-Z]{4}\\d{10}");
    static final Pattern AMOUNT = Pattern.compile("-?\\d+\\.\\d{2}");
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    static final Pattern PHONE = Pattern.compile("\\+31 6 \\d{8}");
    /** Columns that may be empty; every other value is required. */
    static final Set<String> NULLABLE = Set.of("email", "phone", "counterparty_iban", "description", "detail");
    static final Set<String> DATE_COLUMNS = Set.of("date_of_birth", "opened_on", "booking_date", "action_date");
    static final Set<String> FREE_TEXT = Set.of("description", "detail");

    private RowRules() {
    }

    static boolean isDate(String value) {
        if (!DATE.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isTimestamp(String value) {
        if (!TIMESTAMP.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The first broken promise of a value in a clean extract, or empty. */
    static Optional<String> check(String table, ExtractFormat.Column column, String value, LocalDate day) {
        String name = column.name();
        if (value.isEmpty()) {
            return NULLABLE.contains(name) ? Optional.empty() : Optional.of("required value is empty");
        }
        if (column.isCode()) {
            return column.codes().contains(value) ? Optional.empty() : Optional.of("unknown code " + value);
        }
        if (ID_PATTERNS.containsKey(name)) {
            return matches(ID_PATTERNS.get(name), value);
        }
        if (name.equals("event_id")) {
            return matches(table.equals("products") ? PRODUCT_EVENT_ID : DIGITAL_EVENT_ID, value);
        }
        if (name.equals("iban") || name.equals("counterparty_iban")) {
            return IBAN.matcher(value).matches() && Leaks.isValidIban(value) ? Optional.empty()
                    : Optional.of("not a valid Dutch IBAN: " + value);
        }
        if (DATE_COLUMNS.contains(name)) {
            if (!isDate(value)) {
                return Optional.of("not a yyyy-MM-dd date: " + value);
            }
            return name.equals("booking_date") && !value.equals(day.toString())
                    ? Optional.of("booked on " + value + ", not the business date") : Optional.empty();
        }
        if (name.equals("event_time")) {
            return isTimestamp(value) && value.startsWith(day.toString()) ? Optional.empty()
                    : Optional.of("not a timestamp on the business date: " + value);
        }
        if (FREE_TEXT.contains(name)) {
            return Leaks.find(value).map(kind -> "free text leaks an identifier (" + kind + "): " + value);
        }
        return switch (name) {
            case "balance" -> matches(AMOUNT, value);
            case "credit_limit" -> AMOUNT.matcher(value).matches() && !value.startsWith("-") ? Optional.empty()
                    : Optional.of("not an amount >= 0: " + value);
            case "amount" -> AMOUNT.matcher(value).matches() && !value.matches("-?0\\.00") ? Optional.empty()
                    : Optional.of("not a non-zero amount: " + value);
            case "age" -> inRange(value, 18, 105);
            case "household_size" -> inRange(value, 1, 12);
            case "tenure_months" -> inRange(value, 0, 1500);
            case "phone" -> matches(PHONE, value);
            case "email" -> value.contains("@") ? Optional.empty() : Optional.of("not an e-mail address: " + value);
            case "full_name" -> Optional.empty();
            default -> Optional.of("no rule for column " + name);
        };
    }

    private static Optional<String> matches(Pattern pattern, String value) {
        return pattern.matcher(value).matches() ? Optional.empty() : Optional.of(value + " does not match " + pattern);
    }

    private static Optional<String> inRange(String value, int low, int high) {
        try {
            int number = Integer.parseInt(value);
            return number >= low && number <= high ? Optional.empty() : Optional.of(value + " outside " + low + ".." + high);
        } catch (NumberFormatException e) {
            return Optional.of("not a whole number: " + value);
        }
    }
}
