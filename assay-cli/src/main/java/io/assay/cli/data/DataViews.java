package io.assay.cli.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.cli.Output;
import io.assay.core.data.AccessGrant;
import io.assay.core.data.DataRead;
import io.assay.core.data.Snapshot;
import io.assay.data.ingest.DayIngester;
import io.assay.data.ingest.IngestResult;

import java.io.PrintWriter;
import java.util.List;

/** The wire shape (JSON) and the text shape of the data environment's results: one place each. */
final class DataViews {
    private DataViews() {}

    static ObjectNode snapshot(Snapshot snapshot) {
        ObjectNode node = Output.JSON.createObjectNode()
                .put("id", snapshot.id())
                .put("table", snapshot.table())
                .put("business_date", snapshot.businessDate().toString())
                .put("contract_version", snapshot.contractVersion())
                .put("source_file", snapshot.sourceFile())
                .put("source_sha256", snapshot.sourceSha256())
                .put("source_rows", snapshot.sourceRows())
                .put("rows", snapshot.rowCount())
                .put("quarantined_rows", snapshot.quarantinedRows())
                .put("content_sha256", snapshot.contentSha256())
                .put("location", snapshot.location())
                .put("published_by", snapshot.publishedBy())
                .put("published_at", snapshot.publishedAt().toString());
        ObjectNode quarantined = node.putObject("quarantined");
        snapshot.quarantined().forEach(quarantined::put);
        var columns = node.putArray("columns");
        snapshot.columns().forEach(column -> columns.addObject()
                .put("name", column.name())
                .put("type", column.type())
                .put("privacy", column.privacy().name())
                .put("nullable", column.nullable()));
        return node;
    }

    static ObjectNode ingest(IngestResult result) {
        ObjectNode node = Output.JSON.createObjectNode().put("outcome", result.outcome().name())
                .put("elapsed_ms", result.elapsed().toMillis());
        node.set("snapshot", snapshot(result.snapshot()));
        return node;
    }

    static ObjectNode dayOutcome(DayIngester.TableOutcome outcome) {
        ObjectNode node = Output.JSON.createObjectNode().put("table", outcome.table()).put("file", outcome.file());
        outcome.result().ifPresent(result -> node.setAll(ingest(result)));
        outcome.error().ifPresent(error -> node.put("outcome", "FAILED").putObject("error")
                .put("code", error.code().name()).put("message", error.getMessage()));
        return node;
    }

    static ObjectNode grant(AccessGrant grant) {
        ObjectNode node = Output.JSON.createObjectNode()
                .put("id", grant.id())
                .put("user", grant.user())
                .put("purpose", grant.purpose())
                .put("expires_on", grant.expiresOn().toString())
                .put("granted_by", grant.grantedBy())
                .put("granted_at", grant.grantedAt().toString());
        var tables = node.putArray("tables");
        grant.tables().forEach(tables::add);
        grant.revocation().ifPresent(revocation -> node.putObject("revoked")
                .put("by", revocation.revokedBy()).put("at", revocation.revokedAt().toString()));
        return node;
    }

    static ObjectNode read(DataRead read) {
        ObjectNode node = Output.JSON.createObjectNode()
                .put("id", read.id())
                .put("user", read.user())
                .put("outcome", read.outcome().name())
                .put("purpose", read.purpose())
                .put("detail", read.detail())
                .put("read_at", read.readAt().toString());
        var tables = node.putArray("tables");
        read.tables().forEach(tables::add);
        var grants = node.putArray("grants");
        read.grantIds().forEach(grants::add);
        return node;
    }

    static void printSnapshotLine(PrintWriter out, Snapshot snapshot) {
        out.printf("%-44s %-15s %s %,10d rows %,7d quarantined  contract v%d%n", snapshot.id(), snapshot.table(),
                snapshot.businessDate(), snapshot.rowCount(), snapshot.quarantinedRows(), snapshot.contractVersion());
    }

    static void printIngest(PrintWriter out, String table, IngestResult result) {
        Snapshot snapshot = result.snapshot();
        String what = switch (result.outcome()) {
            case PUBLISHED -> "published";
            case ALREADY_INGESTED -> "already ingested (same content), nothing changed:";
            case RECOVERED -> "recovered (published by an interrupted run, now registered):";
        };
        out.printf("%-15s %s %s — %,d rows, %,d quarantined%s%n", table, what, snapshot.id(), snapshot.rowCount(),
                snapshot.quarantinedRows(), snapshot.quarantined().isEmpty() ? "" : " " + snapshot.quarantined());
    }

    static String joined(List<String> values) {
        return String.join(",", values);
    }
}
