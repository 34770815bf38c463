package io.assay.data;

/** Text going into DuckDB and coming back from it: quoted literals, and the one line of an error worth showing. */
public final class SqlText {
    private SqlText() {}

    /** A SQL string literal, quotes doubled. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The first line of a DuckDB error message (the rest is its own hints and stack). */
    public static String firstLine(String message) {
        return message == null ? "(no message)" : message.lines().findFirst().orElse(message);
    }
}
