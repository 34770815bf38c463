package io.assay.banksim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes one CSV file as EXTRACT_FORMAT.md describes it — UTF-8, RFC 4180 quoting only where
 * needed, {@code \n} line ends — straight into a byte buffer, hashing what it flushes. Numbers,
 * amounts and dates are formatted by hand from primitives because this is the simulator's hot
 * path: no String.format, no BigDecimal, no allocation per field.
 */
final class CsvFile implements AutoCloseable {
    private static final int CAPACITY = 1 << 16;
    private static final int ROOM = 64;
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] DIGIT_PAIRS = digitPairs();

    private final OutputStream out;
    private final MessageDigest sha256;
    private final byte[] buffer = new byte[CAPACITY];
    private int position;
    private boolean rowStarted;
    private long rows;

    CsvFile(Path file, String header) {
        try {
            this.out = Files.newOutputStream(file);
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        raw(header.getBytes(StandardCharsets.UTF_8));
        buffer[position++] = '\n';
    }

    /** Data rows written so far (the header is not a row). */
    long rows() {
        return rows;
    }

    /** A field already encoded for CSV (see {@link #encode}); null or empty writes an empty field. */
    CsvFile field(byte[] encoded) {
        separate();
        if (encoded != null) {
            raw(encoded);
        }
        return this;
    }

    /** Continues the current field with one character; the caller knows it needs no quoting. */
    CsvFile append(char c) {
        ensureRoom();
        buffer[position++] = (byte) c;
        return this;
    }

    /** Continues the current field with encoded bytes that need no quoting (see {@link Texts#safe}). */
    CsvFile append(byte[] safe) {
        raw(safe);
        return this;
    }

    CsvFile empty() {
        return field(EMPTY);
    }

    /** Free text, quoted only when it holds a comma, a quote or a line break. */
    CsvFile text(String value) {
        return field(encode(value));
    }

    CsvFile number(long value) {
        separate();
        ensureRoom();
        if (value < 0) {
            buffer[position++] = '-';
            value = -value;
        }
        digits(value, digitCount(value));
        return this;
    }

    /** An id such as {@code C00000042}: a prefix letter and a zero-padded number. */
    CsvFile id(char prefix, long number, int width) {
        separate();
        ensureRoom();
        buffer[position++] = (byte) prefix;
        digits(number, width);
        return this;
    }

    /** An amount in cents as a plain decimal with two fraction digits, e.g. {@code -12.05}. */
    CsvFile cents(long cents) {
        separate();
        ensureRoom();
        if (cents < 0) {
            buffer[position++] = '-';
            cents = -cents;
        }
        long units = cents / 100;
        digits(units, digitCount(units));
        buffer[position++] = '.';
        digits(cents % 100, 2);
        return this;
    }

    CsvFile date(int epochDay) {
        separate();
        ensureRoom();
        writeDate(epochDay);
        return this;
    }

    /** A timestamp {@code yyyy-MM-ddTHH:mm:ss} on the given day. */
    CsvFile timestamp(int epochDay, int secondOfDay) {
        separate();
        ensureRoom();
        writeDate(epochDay);
        buffer[position++] = 'T';
        digits(secondOfDay / 3600, 2);
        buffer[position++] = ':';
        digits(secondOfDay / 60 % 60, 2);
        buffer[position++] = ':';
        digits(secondOfDay % 60, 2);
        return this;
    }

    /** A Dutch-style IBAN for the bank and 10-digit account number. */
    CsvFile iban(Bank bank, long accountNumber) {
        separate();
        ensureRoom();
        position = Iban.write(buffer, position, bank, accountNumber);
        return this;
    }

    CsvFile endRow() {
        ensureRoom();
        buffer[position++] = '\n';
        rowStarted = false;
        rows++;
        return this;
    }

    /** Flushes, closes and returns the SHA-256 of everything written, in lower-case hex. */
    String finish() {
        try {
            flush();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV encoding of one field: UTF-8, quoted (quotes doubled) only when RFC 4180 requires it. */
    static byte[] encode(String value) {
        if (value == null || value.isEmpty()) {
            return EMPTY;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        String field = quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
        return field.getBytes(StandardCharsets.UTF_8);
    }

    private void separate() {
        if (rowStarted) {
            ensureRoom();
            buffer[position++] = ',';
        }
        rowStarted = true;
    }

    private void raw(byte[] bytes) {
        if (position + bytes.length > CAPACITY) {
            flush();
        }
        if (bytes.length > CAPACITY) {
            sha256.update(bytes);
            write(bytes, bytes.length);
            return;
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    private void ensureRoom() {
        if (position + ROOM > CAPACITY) {
            flush();
        }
    }

    private void flush() {
        sha256.update(buffer, 0, position);
        write(buffer, position);
        position = 0;
    }

    private void write(byte[] bytes, int length) {
        try {
            out.write(bytes, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeDate(int epochDay) {
        // Civil-from-days (H. Hinnant), to avoid a LocalDate per field.
        long shifted = epochDay + 719_468L;
        long era = Math.floorDiv(shifted, 146_097L);
        long dayOfEra = shifted - era * 146_097L;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        long month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        digits(year, 4);
        buffer[position++] = '-';
        digits(month, 2);
        buffer[position++] = '-';
        digits(day, 2);
    }

    /** Writes the lowest {@code width} decimal digits of a non-negative value, two at a time (the hottest loop here). */
    private void digits(long value, int width) {
        int end = position + width;
        int i = end;
        long rest = value;
        while (rest > Integer.MAX_VALUE && i - position >= 2) {
            int pair = (int) (rest % 100) * 2;
            rest /= 100;
            buffer[--i] = DIGIT_PAIRS[pair + 1];
            buffer[--i] = DIGIT_PAIRS[pair];
        }
        int small = (int) rest;
        while (i - position >= 2) {
            int pair = small % 100 * 2;
            small /= 100;
            buffer[--i] = DIGIT_PAIRS[pair + 1];
            buffer[--i] = DIGIT_PAIRS[pair];
        }
        if (i > position) {
            buffer[--i] = (byte) ('0' + small % 10);
        }
        position = end;
    }

    private static byte[] digitPairs() {
        byte[] pairs = new byte[200];
        for (int i = 0; i < 100; i++) {
            pairs[2 * i] = (byte) ('0' + i / 10);
            pairs[2 * i + 1] = (byte) ('0' + i % 10);
        }
        return pairs;
    }

    private static int digitCount(long value) {
        int count = 1;
        while (value >= 10) {
            value /= 10;
            count++;
        }
        return count;
    }
}
