package io.assay.banksim;

import java.time.LocalDate;

/**
 * How broken values look: dates in a foreign format, codes from another system, identifiers
 * pasted into free text. Only bad rows come here, so clarity beats speed.
 */
final class Faults {
    static final String[] UNKNOWN_CATEGORIES = {"CRYPTO", "BNPL", "CASHBACK"};
    static final String[] UNKNOWN_PRODUCTS = {"BNPL", "INVESTMENT"};

    private Faults() {
    }

    /** A date no {@code yyyy-MM-dd} parser accepts. */
    static String malformedDate(int epochDay, int variant) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        String year = Integer.toString(date.getYear());
        String month = twoDigits(date.getMonthValue());
        String day = twoDigits(date.getDayOfMonth());
        return switch (variant % 4) {
            case 0 -> day + "-" + month + "-" + year;
            case 1 -> year + "/" + month + "/" + day;
            case 2 -> year + month + day;
            default -> day + "." + month + "." + year;
        };
    }

    /** A timestamp no {@code yyyy-MM-ddTHH:mm:ss} parser accepts. */
    static String malformedTimestamp(int epochDay, int secondOfDay, int variant) {
        String time = twoDigits(secondOfDay / 3600) + ":" + twoDigits(secondOfDay / 60 % 60);
        String date = LocalDate.ofEpochDay(epochDay).toString();
        return switch (variant % 3) {
            case 0 -> date + " " + time + ":" + twoDigits(secondOfDay % 60);
            case 1 -> malformedDate(epochDay, 0) + "T" + time + ":" + twoDigits(secondOfDay % 60);
            default -> date + "T" + time;
        };
    }

    /** Free text that carries one of the customer's identifiers, as a careless agent would type it. */
    static String leak(BadRowKind kind, Customer customer, int variant) {
        return switch (kind) {
            case LEAKED_IBAN -> (variant % 2 == 0 ? "Please refund to " : "Customer says the right account is ")
                    + Iban.format(Bank.ASSAY, Iban.accountNumber(Product.CURRENT.accountNumber(customer.index)));
            case LEAKED_EMAIL -> (variant % 2 == 0 ? "Send the statement to " : "Customer asked for a reply at ")
                    + Identity.anyEmail(customer);
            case LEAKED_PHONE -> (variant % 2 == 0 ? "Call me back on " : "Customer can be reached on ")
                    + Identity.anyPhone(customer);
            case MALFORMED_DATE, NEGATIVE_AGE, UNKNOWN_CODE, DUPLICATE_ID, MISSING_REQUIRED ->
                    throw new IllegalArgumentException(kind + " is not a leak");
        };
    }

    static boolean isLeak(BadRowKind kind) {
        return switch (kind) {
            case LEAKED_IBAN, LEAKED_EMAIL, LEAKED_PHONE -> true;
            case MALFORMED_DATE, NEGATIVE_AGE, UNKNOWN_CODE, DUPLICATE_ID, MISSING_REQUIRED -> false;
        };
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
