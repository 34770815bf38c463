package io.assay.data.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tiny hand-written transactions batches for ingest tests. */
final class Batches {
    static final String HEADER = "transaction_id,account_id,customer_id,booking_date,amount,currency,category,channel,"
            + "counterparty_iban,description";

    private final List<String> lines = new ArrayList<>();
    private String header = HEADER;

    static Batches transactions() {
        return new Batches();
    }

    /** A valid row; {@code n} makes the ids unique. */
    static String row(int n, String date) {
        return String.format("T%012d,A%09d,C%08d,%s,-%d.50,EUR,GROCERIES,CARD,,Albert Heijn %d Utrecht", n, n, n % 7, date,
                n % 90 + 1, 1000 + n);
    }

    Batches header(String header) {
        this.header = header;
        return this;
    }

    Batches validRows(int count, String date) {
        for (int i = 1; i <= count; i++) {
            lines.add(row(i, date));
        }
        return this;
    }

    Batches line(String line) {
        lines.add(line);
        return this;
    }

    Path writeTo(Path file) {
        return write(file, header + "\n" + String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
