package io.assay.train.model;

import io.assay.core.error.AssayException;

import java.util.List;

/**
 * One training parameter a data scientist may set: its kind, its range and its default. Values
 * arrive as text (from a YAML or JSON file, or the command line) and are checked here, so a typo
 * or a value out of range is refused before any training starts.
 */
public record Parameter(String name, Kind kind, double min, boolean minInclusive, double max, String defaultValue, List<String> choices,
                        String description) {
    public enum Kind {
        INTEGER,
        NUMBER,
        CHOICE,
        /** Comma-separated names, written sorted and once each. */
        NAMES
    }

    public static Parameter integer(String name, long min, long max, long defaultValue, String description) {
        return new Parameter(name, Kind.INTEGER, min, true, max, Long.toString(defaultValue), List.of(), description);
    }

    public static Parameter number(String name, double min, boolean minInclusive, double max, double defaultValue, String description) {
        return new Parameter(name, Kind.NUMBER, min, minInclusive, max, Double.toString(defaultValue), List.of(), description);
    }

    public static Parameter choice(String name, List<String> choices, String description) {
        return new Parameter(name, Kind.CHOICE, 0, true, 0, choices.get(0), List.copyOf(choices), description);
    }

    public static Parameter names(String name, String description) {
        return new Parameter(name, Kind.NAMES, 0, true, 0, "", List.of(), description);
    }

    /** The value in its one written form (so "4", "4.0" and "04" record alike), or a refusal naming the bound. */
    public String check(String text) {
        String value = text.strip();
        return switch (kind) {
            case INTEGER -> {
                long parsed;
                try {
                    parsed = Long.parseLong(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
                } catch (NumberFormatException e) {
                    throw AssayException.invalid("parameter " + name + " is '" + text + "'; it takes a whole number from " + (long) min
                            + " to " + (long) max);
                }
                if (parsed < min || parsed > max) {
                    throw AssayException.invalid("parameter " + name + " is " + parsed + "; it takes " + (long) min + " to " + (long) max);
                }
                yield Long.toString(parsed);
            }
            case NUMBER -> {
                double parsed;
                try {
                    parsed = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw AssayException.invalid("parameter " + name + " is '" + text + "'; it takes a number " + range());
                }
                if (!Double.isFinite(parsed) || (minInclusive ? parsed < min : parsed <= min) || parsed > max) {
                    throw AssayException.invalid("parameter " + name + " is " + value + "; it takes a number " + range());
                }
                yield Double.toString(parsed);
            }
            case NAMES -> {
                java.util.TreeSet<String> names = new java.util.TreeSet<>();
                for (String part : value.split(",")) {
                    String item = part.strip();
                    if (item.isEmpty()) {
                        continue;
                    }
                    if (!item.matches("[A-Za-z_][A-Za-z0-9_]{0,99}")) {
                        throw AssayException.invalid("parameter " + name + " names '" + item + "', which is not a feature name");
                    }
                    names.add(item);
                }
                yield String.join(",", names);
            }
            case CHOICE -> {
                if (!choices.contains(value)) {
                    throw AssayException.invalid("parameter " + name + " is '" + text + "'; it takes one of " + String.join(", ", choices));
                }
                yield value;
            }
        };
    }

    private String range() {
        return (minInclusive ? "from " + min : "above " + min) + " to " + max;
    }
}
