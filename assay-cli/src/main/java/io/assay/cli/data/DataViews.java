package io.assay.cli.data;

import io.assay.api.DataViews.GrantView;
import io.assay.api.DataViews.IngestView;
import io.assay.api.DataViews.SnapshotView;
import io.assay.api.DayExtract;
import io.assay.cli.Output;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;

/** The text shape of the data environment's results, and the JSON of a day's outcomes: one place each. */
final class DataViews {
    private DataViews() {}

    static ObjectNode dayOutcome(DayExtract.Outcome outcome) {
        ObjectNode node = Output.JSON.createObjectNode().put("table", outcome.table()).put("file", outcome.file());
        outcome.result().ifPresent(result -> node.setAll((ObjectNode) Output.JSON.valueToTree(result)));
        outcome.error().ifPresent(error -> node.put("outcome", "FAILED").putObject("error")
                .put("code", error.code().name()).put("message", error.getMessage()));
        return node;
    }

    static void printSnapshotLine(PrintWriter out, SnapshotView snapshot) {
        out.printf("%-44s %-15s %s %,10d rows %,7d quarantined  contract v%d%n", snapshot.id(), snapshot.table(),
                snapshot.businessDate(), snapshot.rows(), snapshot.quarantinedRows(), snapshot.contractVersion());
    }

    static void printIngest(PrintWriter out, String table, IngestView result) {
        SnapshotView snapshot = result.snapshot();
        String what = switch (result.outcome()) {
            case "ALREADY_INGESTED" -> "already ingested (same content), nothing changed:";
            case "RECOVERED" -> "recovered (published by an interrupted run, now registered):";
            default -> "published";
        };
        out.printf("%-15s %s %s — %,d rows, %,d quarantined%s%n", table, what, snapshot.id(), snapshot.rows(),
                snapshot.quarantinedRows(), snapshot.quarantined().isEmpty() ? "" : " " + snapshot.quarantined());
    }

    /** live, revoked or expired, as of today in the bank's time zone. */
    static String state(GrantView grant, Clock clock) {
        if (grant.revoked().isPresent()) {
            return "revoked";
        }
        return LocalDate.ofInstant(clock.instant(), clock.getZone()).isAfter(grant.expiresOn()) ? "expired" : "live";
    }
}
