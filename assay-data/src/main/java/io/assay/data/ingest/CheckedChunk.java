package io.assay.data.ingest;

import java.util.List;

/**
 * A chunk of records after checking, in record order: the staged lines of its good rows (UTF-8),
 * the violations of its bad ones, and where its last row's line starts, because a cut-off last
 * row of the file must still be taken back.
 *
 * @param lines         staged CSV lines of the good rows
 * @param lastRowStart  where the last record's line starts in {@code lines} when it was good, else {@code lines.length}
 * @param violations    one per bad row
 * @param rows          records in the chunk
 * @param lastLine      the line the chunk's last record starts on
 */
record CheckedChunk(byte[] lines, int lastRowStart, List<Violation> violations, int rows, long lastLine) {
    boolean lastWasStored() {
        return lastRowStart < lines.length;
    }

    int stagedRows() {
        return rows - violations.size();
    }
}
