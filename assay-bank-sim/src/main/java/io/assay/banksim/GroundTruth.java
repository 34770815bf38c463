package io.assay.banksim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

/**
 * What really happened, from the simulator's hidden state: {@code ground-truth.csv} beside the day
 * folders (never inside one, so it is never ingested), one row per event: a customer who left
 * (closed everything or went dormant), opened a mortgage with the bank, or ended a day with the
 * current account below zero. Tests hold the labels Assay derives from the extract to it.
 */
final class GroundTruth implements AutoCloseable {
    static final String FILE_NAME = "ground-truth.csv";

    enum Event { LEFT, MORTGAGE_OPENED, BELOW_ZERO }

    private final Path target;
    private final Path partial;
    private final BufferedWriter out;

    GroundTruth(Path outDir) {
        this.target = outDir.resolve(FILE_NAME);
        this.partial = outDir.resolve("." + FILE_NAME + ".partial");
        try {
            this.out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
            out.write("customer_id,event,date\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + partial, e);
        }
    }

    void record(Customer customer, Event event, LocalDate day) {
        try {
            out.write('C');
            out.write(String.format("%08d", customer.index + 1L));
            out.write(',');
            out.write(event.name());
            out.write(',');
            out.write(day.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + partial, e);
        }
    }

    /** Syncs the file and moves it into place: a reader sees the whole run's truth or none. */
    void publish() {
        try {
            out.close();
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // the partial file is replaced by the next run
        }
    }
}
