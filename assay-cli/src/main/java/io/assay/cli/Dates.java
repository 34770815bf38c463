package io.assay.cli;

import picocli.CommandLine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person writes a day on the command line: {@code 2026-12-31}, or relative to today in the
 * bank's time zone ({@code today}, {@code yesterday}, {@code +30d}, {@code -7d}), so a script written
 * today still runs next month. Anything else is refused saying how to write it.
 */
final class Dates implements CommandLine.ITypeConverter<LocalDate> {
    private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d{1,5})d");

    private final Clock clock;

    Dates(Clock clock) {
        this.clock = clock;
    }

    @Override
    public LocalDate convert(String value) {
        LocalDate today = LocalDate.now(clock);
        String text = value.strip();
        if (text.equals("today")) {
            return today;
        }
        if (text.equals("yesterday")) {
            return today.minusDays(1);
        }
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            long days = Long.parseLong(relative.group(2));
            return relative.group(1).equals("+") ? today.plusDays(days) : today.minusDays(days);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("dates are written yyyy-MM-dd (or today, yesterday, +30d, -7d), not '"
                    + io.assay.core.common.Names.printable(value, 40) + "'");
        }
    }
}
