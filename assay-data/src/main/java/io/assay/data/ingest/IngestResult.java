package io.assay.data.ingest;

import io.assay.core.data.Snapshot;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** What one ingest did: published a new snapshot, found it already there, or re-registered one a crash left. */
public record IngestResult(Outcome outcome, Snapshot snapshot, Duration elapsed) {
    public enum Outcome {
        PUBLISHED,
        /** The same content was ingested before for this table and day: nothing changed. */
        ALREADY_INGESTED,
        /** A snapshot folder published by an interrupted run was verified and registered. */
        RECOVERED
    }

    public IngestResult {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(elapsed, "elapsed is null");
    }
}
