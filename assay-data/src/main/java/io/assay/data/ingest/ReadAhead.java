package io.assay.data.ingest;

import de.siegmar.fastcsv.reader.CsvRecord;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongSupplier;

/**
 * Parses CSV records on a thread of its own and hands them on in chunks, in file order, while
 * the chunks before are being checked: decoding, parsing and hashing overlap the checks. The
 * queue holds a few chunks only, so memory stays bounded. A parse failure is rethrown to the
 * caller at the point where the chunks run out.
 */
final class ReadAhead implements Iterator<List<CsvRecord>>, AutoCloseable {
    /**
     * A chunk ends at this many records, or earlier once {@link #CHUNK_BYTES} of the file have
     * been read for it, so that wide rows do not make chunks big (memory stays bounded).
     */
    private static final int CHUNK = 2048;
    private static final long CHUNK_BYTES = 1 << 18;
    private static final Object END = new Object();

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(8);
    private final Thread parser;
    private List<CsvRecord> current;
    private boolean ended;

    /** @param bytesRead how much of the file the records have been read from so far; asked on the parser thread */
    ReadAhead(Iterator<CsvRecord> records, LongSupplier bytesRead) {
        parser = new Thread(() -> parse(records, bytesRead), "assay-ingest-parser");
        parser.setDaemon(true);
        parser.start();
    }

    @Override
    public boolean hasNext() {
        while (current == null) {
            if (ended) {
                return false;
            }
            Object next = take();
            if (next == END) {
                ended = true;
                return false;
            }
            if (next instanceof RuntimeException failure) {
                ended = true;
                throw failure;
            }
            if (next instanceof Error failure) {
                ended = true;
                throw failure;
            }
            @SuppressWarnings("unchecked")
            List<CsvRecord> chunk = (List<CsvRecord>) next;
            current = chunk.isEmpty() ? null : chunk;
        }
        return true;
    }

    /** The next chunk of records, never empty. */
    @Override
    public List<CsvRecord> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<CsvRecord> chunk = current;
        current = null;
        return chunk;
    }

    /** Stops the parser when the caller gives up early (a batch-level error). */
    @Override
    public void close() throws InterruptedException {
        parser.interrupt();
        parser.join();
    }

    private void parse(Iterator<CsvRecord> records, LongSupplier bytesRead) {
        try {
            try {
                List<CsvRecord> chunk = new ArrayList<>(CHUNK);
                long chunkStart = bytesRead.getAsLong();
                while (records.hasNext()) {
                    chunk.add(records.next());
                    if (chunk.size() == CHUNK || bytesRead.getAsLong() - chunkStart >= CHUNK_BYTES) {
                        chunks.put(chunk);
                        chunk = new ArrayList<>(CHUNK);
                        chunkStart = bytesRead.getAsLong();
                    }
                }
                chunks.put(chunk);
                chunks.put(END);
            } catch (RuntimeException | Error failure) {
                chunks.put(failure);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private Object take() {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a batch", e);
        }
    }
}
