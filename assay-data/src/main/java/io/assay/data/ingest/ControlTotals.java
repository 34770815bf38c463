package io.assay.data.ingest;

import static java.util.Objects.requireNonNull;

/** What the bank's extract says a batch file holds; a file that differs was cut short or altered in transit. */
public record ControlTotals(long rows, String sha256) {
    public ControlTotals {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        requireNonNull(sha256, "sha256 is null");
    }
}
