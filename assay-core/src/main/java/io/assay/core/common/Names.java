package io.assay.core.common;

import io.assay.core.error.AssayException;

import java.util.regex.Pattern;

/** The shapes of names that end up in paths, SQL identifiers and logs, checked in one place. */
public final class Names {
    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    private Names() {}

    public static String requireTableName(String table) {
        if (table == null || !TABLE.matcher(table).matches()) {
            throw AssayException.invalid("table name " + quoted(table)
                    + " is not valid: use lower-case letters, digits and '_', starting with a letter");
        }
        return table;
    }

    /** Whether {@code user} is a well-formed user name (it need not be a user). */
    public static boolean isUserName(String user) {
        return user != null && USER.matcher(user).matches();
    }

    public static String requireUserName(String user) {
        if (user == null || !USER.matcher(user).matches()) {
            throw AssayException.invalid("user name " + quoted(user)
                    + " is not valid: use letters, digits, '.', '_', '@' or '-' (at most 128)");
        }
        return user;
    }

    public static String requireText(String what, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw AssayException.invalid(what + " is required");
        }
        if (value.length() > maxLength) {
            throw AssayException.invalid(what + " is longer than " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw AssayException.invalid(what + " contains control characters (line breaks, tabs)");
        }
        return value.strip();
    }

    /**
     * Text safe for one log line or audit field: control characters escaped as \\uXXXX, cut to
     * {@code maxLength} characters. Applying it twice changes nothing more.
     */
    public static String printable(String value, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength) + 16);
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() <= maxLength ? out.toString() : out.substring(0, maxLength - 1) + "…";
    }

    /** Quotes a value for an error message, cut short so a huge input cannot flood a log. */
    public static String quoted(String value) {
        if (value == null) {
            return "(none)";
        }
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        StringBuilder out = new StringBuilder("'");
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('\'').toString();
    }
}
