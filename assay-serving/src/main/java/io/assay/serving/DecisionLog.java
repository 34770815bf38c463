package io.assay.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The decision log: one JSON line per decision, appended to rolling files in a folder of the home
 * ({@code decisions-2026-12-04-001.jsonl}, a new file each day and past a size). {@link #append}
 * returns once the line is written to the file, before the answer is sent, so killing the server
 * loses no decision it answered; fsync runs in groups every {@code groupSync}, so a power loss
 * costs at most that window, and no request waits for the disk.
 */
public final class DecisionLog implements DecisionSink, AutoCloseable {
    public static final Duration DEFAULT_GROUP_SYNC = Duration.ofMillis(10);
    public static final long DEFAULT_ROLL_BYTES = 64L << 20;
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final Path folder;
    private final Clock clock;
    private final long rollBytes;
    private final ScheduledExecutorService syncer;
    private FileChannel channel;
    private LocalDate day;
    private int sequence;
    private long written;
    private boolean dirty;

    public DecisionLog(Path folder, Clock clock, Duration groupSync, long rollBytes) {
        this.folder = requireNonNull(folder, "folder is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (groupSync.isNegative() || groupSync.isZero() || rollBytes <= 0) {
            throw new IllegalArgumentException("the group sync and the roll size must be positive");
        }
        this.rollBytes = rollBytes;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot make the decision log folder " + folder + ": " + e.getMessage());
        }
        this.syncer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "assay-decision-log-sync");
            thread.setDaemon(true);
            return thread;
        });
        syncer.scheduleWithFixedDelay(this::sync, groupSync.toNanos(), groupSync.toNanos(), TimeUnit.NANOSECONDS);
    }

    public DecisionLog(Path folder, Clock clock) {
        this(folder, clock, DEFAULT_GROUP_SYNC, DEFAULT_ROLL_BYTES);
    }

    /**
     * Writes one decision; when it returns the line is in the file (the operating system's), so
     * the decision outlives the process.
     *
     * @throws AssayException STORAGE_FAILURE when it cannot be written: then the decision must not be answered
     */
    @Override
    public void append(Decision decision) {
        byte[] line;
        try {
            line = (JSON.writeValueAsString(decision) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.UNEXPECTED, "cannot write decision " + decision.decisionId() + " as JSON");
        }
        synchronized (this) {
            try {
                FileChannel file = current();
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    file.write(buffer);
                }
                written += line.length;
                dirty = true;
            } catch (IOException e) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot append to the decision log in " + folder + ": "
                        + e.getMessage());
            }
        }
    }

    /** Every line about {@code decisionId}: the decision and the shadows scored beside it. */
    public static List<Decision> find(Path folder, String decisionId) {
        return matching(folder, "\"decision_id\":" + quoted(decisionId), decision -> decision.decisionId().equals(decisionId));
    }

    /** Every line about one customer (by token), oldest first: what a data subject's access request returns. */
    public static List<Decision> about(Path folder, String customerToken) {
        return matching(folder, "\"customer\":" + quoted(customerToken), decision -> customerToken.equals(decision.customer()));
    }

    /** The day a log file was opened, from its name. */
    public static LocalDate dayOf(Path file) {
        return LocalDate.parse(file.getFileName().toString().substring("decisions-".length(), "decisions-".length() + 10));
    }

    /** A cheap text match first, then the parsed line must agree: a token inside another field never matches. */
    private static List<Decision> matching(Path folder, String needle, java.util.function.Predicate<Decision> exactly) {
        List<Decision> found = new ArrayList<>();
        for (Path file : files(folder)) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.contains(needle)) {
                        Decision decision = JSON.readValue(line, Decision.class);
                        if (exactly.test(decision)) {
                            found.add(decision);
                        }
                    }
                }
            } catch (IOException e) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot read the decision log " + file + ": " + e.getMessage());
            }
        }
        return found;
    }

    /** The log's files, oldest first. */
    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(p -> p.getFileName().toString().matches("decisions-\\d{4}-\\d{2}-\\d{2}-\\d{3,}\\.jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot list the decision log " + folder + ": " + e.getMessage());
        }
    }

    private FileChannel current() throws IOException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (channel != null && today.equals(day) && written < rollBytes) {
            return channel;
        }
        closeChannel();
        if (!today.equals(day)) {
            day = today;
            sequence = 0;
        }
        Path file;
        do {
            sequence++;
            file = folder.resolve(String.format("decisions-%s-%03d.jsonl", day, sequence));
        } while (Files.exists(file) && Files.size(file) >= rollBytes);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        written = channel.size();
        return channel;
    }

    /** Forces the current file to disk outside the lock, so appends go on while the disk works. */
    private void sync() {
        FileChannel file;
        synchronized (this) {
            if (!dirty || channel == null) {
                return;
            }
            file = channel;
            dirty = false;
        }
        try {
            file.force(false);
        } catch (java.nio.channels.ClosedChannelException e) {
            // Rolled over meanwhile: closing a file forces it first.
        } catch (IOException e) {
            synchronized (this) {
                dirty = true;
            }
            // The next round tries again; the lines are already in the file, only their way to the disk waits.
            System.getLogger(DecisionLog.class.getName()).log(System.Logger.Level.WARNING, "decision log sync failed: " + e.getMessage());
        }
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.force(false);
            channel.close();
            channel = null;
        }
    }

    @Override
    public void close() {
        // Never interrupted: an interrupt during force() would close the channel under a writer's feet.
        syncer.shutdown();
        try {
            syncer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            closeChannel();
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot close the decision log: " + e.getMessage());
        }
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
