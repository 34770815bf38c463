package io.assay.data.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.assay.core.common.Names;
import io.assay.data.contract.DataContract;
import io.assay.data.privacy.PseudonymKey;
import io.assay.data.privacy.Pseudonymiser;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Streams a batch file through its contract (never holding the file in memory): checks the
 * header, then one thread parses while a few others check and pseudonymise the rows chunk by
 * chunk, and each row goes, in file order, either to the staging table or to quarantine.
 * File-level faults — empty, not UTF-8, wrong header — stop the batch with an error that names
 * the file and the line.
 */
final class BatchReader {
    record Totals(String sha256, long rows) {
    }

    /** Threads that check rows; the parser has one more, and DuckDB's export uses every core after. */
    private static final int CHECKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final Path file;
    private final DataContract contract;
    private final LocalDate businessDate;
    private final PseudonymKey key;
    private final StagedRowFormat format;
    /** The line of the last record handed to the checkers, for messages about file-level faults found mid-file. */
    private long currentLine = 1;

    BatchReader(Path file, DataContract contract, LocalDate businessDate, PseudonymKey key, StagedRowFormat format) {
        this.file = file;
        this.contract = contract;
        this.businessDate = businessDate;
        this.key = key;
        this.format = format;
    }

    Totals readInto(StagingTable table) throws IOException, SQLException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (SourceStream source = new SourceStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
             CsvReader<CsvRecord> csv = CsvReader.builder()
                     .allowExtraFields(true)
                     .allowMissingFields(true)
                     .ofCsvRecord(new InputStreamReader(source, decoder))) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw BatchIngester.invalid(file, "is empty: it has no header row");
            }
            Header header = header(records.next());
            Counted counted;
            try (ReadAhead ahead = new ReadAhead(records, source::bytes)) {
                counted = checkAll(ahead, header, table);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + file, e);
            }
            if (counted.lastWasStored() && !source.endsWithLineBreak()) {
                table.dropHeldBackRow();
                table.appendViolation(new Violation(counted.lastLine(), Rule.TRUNCATED_ROW, "(row)",
                        "the file ends without a line break, so its last row may be cut short"));
            }
            return new Totals(source.sha256(), counted.rows());
        } catch (UncheckedIOException e) {
            throw readFailure(e.getCause(), currentLine);
        } catch (CharacterCodingException e) {
            throw readFailure(e, currentLine);
        } catch (CsvParseException e) {
            throw BatchIngester.invalid(file, "cannot be parsed as CSV after line " + currentLine + ": " + e.getMessage());
        }
    }

    /** Rows seen, the line the last one started on, and whether it went to the snapshot (not quarantine). */
    private record Counted(long rows, long lastLine, boolean lastWasStored) {
    }

    /**
     * Checks every record on a few threads, chunk by chunk, and stages the checked chunks in
     * file order, so the snapshot and the quarantine come out as if one thread had done it.
     * At most one chunk more than there are checkers is in flight, and a chunk is bounded in
     * rows and in bytes of the file, so memory stays bounded however wide the rows.
     */
    private Counted checkAll(Iterator<List<CsvRecord>> chunks, Header header, StagingTable table)
            throws IOException, InterruptedException {
        BlockingQueue<RowChecker> checkers = new ArrayBlockingQueue<>(CHECKERS);
        for (int i = 0; i < CHECKERS; i++) {
            // Each checker has its own pseudonymiser (a MAC is not thread-safe), so they share the token cache's budget.
            Pseudonymiser pseudonymiser = new Pseudonymiser(key, Pseudonymiser.CACHED_TOKENS / CHECKERS);
            checkers.add(new RowChecker(contract, businessDate, pseudonymiser, format));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CHECKERS, task -> {
            Thread thread = new Thread(task, "assay-ingest-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<CheckedChunk>> inFlight = new ArrayDeque<>();
            long rows = 0;
            CheckedChunk last = null;
            while (chunks.hasNext()) {
                List<CsvRecord> chunk = chunks.next();
                currentLine = chunk.get(chunk.size() - 1).getStartingLineNumber();
                inFlight.add(pool.submit(() -> {
                    RowChecker checker = checkers.take();
                    try {
                        return checker.check(chunk, header);
                    } finally {
                        checkers.add(checker);
                    }
                }));
                if (inFlight.size() > CHECKERS) {
                    last = stage(inFlight.removeFirst(), table);
                    rows += last.rows();
                }
            }
            while (!inFlight.isEmpty()) {
                last = stage(inFlight.removeFirst(), table);
                rows += last.rows();
            }
            return last == null ? new Counted(0, 1, false) : new Counted(rows, last.lastLine(), last.lastWasStored());
        } finally {
            pool.shutdownNow();
            // After a failure a checker may still be finishing its chunk (milliseconds); let it, before the caller cleans up.
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static CheckedChunk stage(Future<CheckedChunk> checking, StagingTable table) throws IOException, InterruptedException {
        CheckedChunk chunk;
        try {
            chunk = checking.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException("checking a chunk failed", e.getCause());
        }
        table.appendChunk(chunk);
        return chunk;
    }

    /** Where each contract column stands in the file (the file may order columns freely), and how many fields a row has. */
    record Header(int[] positions, int width) {
    }

    private Header header(CsvRecord header) {
        List<String> names = new ArrayList<>(header.getFields());
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1));
        }
        Map<String, Integer> positions = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (positions.put(names.get(i), i) != null) {
                repeated.add(names.get(i));
            }
        }
        List<String> missing = contract.columnNames().stream().filter(name -> !positions.containsKey(name)).toList();
        List<String> extra = names.stream().filter(name -> contract.column(name).isEmpty()).map(Names::quoted).toList();
        if (!repeated.isEmpty() || !missing.isEmpty() || !extra.isEmpty()) {
            StringBuilder problem = new StringBuilder("has a header (line 1) that does not match contract ")
                    .append(contract.table()).append(" v").append(contract.version()).append(':');
            if (!missing.isEmpty()) {
                problem.append(" missing column(s) ").append(String.join(", ", missing)).append(';');
            }
            if (!extra.isEmpty()) {
                problem.append(" unexpected column(s) ").append(String.join(", ", extra)).append(';');
            }
            if (!repeated.isEmpty()) {
                problem.append(" repeated column(s) ").append(String.join(", ", repeated)).append(';');
            }
            throw BatchIngester.invalid(file, problem.append(" expected ").append(String.join(",", contract.columnNames())).toString());
        }
        return new Header(contract.columnNames().stream().mapToInt(positions::get).toArray(), names.size());
    }

    private RuntimeException readFailure(Throwable cause, long line) {
        if (cause instanceof CharacterCodingException) {
            return BatchIngester.invalid(file, "is not valid UTF-8 (the first bad bytes are at or after line " + line
                    + "); re-export it as UTF-8");
        }
        return BatchIngester.invalid(file, "could not be read after line " + line + ": " + cause);
    }
}
