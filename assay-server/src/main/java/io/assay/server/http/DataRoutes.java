package io.assay.server.http;

import io.assay.api.DataViews.ContractView;
import io.assay.api.DataViews.ControlTotalsView;
import io.assay.api.DataViews.GrantView;
import io.assay.api.DataViews.IngestView;
import io.assay.api.DataViews.QuarantineView;
import io.assay.api.DataViews.QueryView;
import io.assay.api.DataViews.ReadView;
import io.assay.api.DataViews.SnapshotView;
import io.assay.api.Requests.GrantAccess;
import io.assay.api.Requests.Query;
import io.assay.core.access.Permission;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.javalin.http.Context;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.assay.api.Endpoints.DATA_CONTRACTS;
import static io.assay.api.Endpoints.GRANTS;
import static io.assay.api.Endpoints.GRANT_ACCESS;
import static io.assay.api.Endpoints.INGEST_BATCH;
import static io.assay.api.Endpoints.QUARANTINE;
import static io.assay.api.Endpoints.QUERY;
import static io.assay.api.Endpoints.READS;
import static io.assay.api.Endpoints.REVOKE_GRANT;
import static io.assay.api.Endpoints.SNAPSHOT;
import static io.assay.api.Endpoints.SNAPSHOTS;

/** The data environment as resources: contracts, batches, snapshots and their quarantine, grants, queries and the read log. */
final class DataRoutes {
    /** A batch larger than this is more likely a mistake than a day of a bank's extract. */
    static final long MAX_BATCH_BYTES = 16L << 30;
    /** A file name as people write them (spaces, brackets, accents), but never a path, a control character or a hidden file. */
    private static final Pattern FILE_NAME = Pattern.compile("[^./\\\\\\p{Cntrl}][^/\\\\\\p{Cntrl}]{0,254}");

    private DataRoutes() {}

    static List<ApiRoute> routes(Path scratch) {
        return List.of(
                ApiRoute.get(DATA_CONTRACTS, Permission.READ_DATA_CATALOG, "The data contracts in force: columns, rules, privacy classes",
                        (ctx, as) -> as.data().contracts()).returnsListOf(ContractView.class),
                ApiRoute.upload(INGEST_BATCH, Permission.INGEST_DATA, "Ingest one batch (the raw CSV body) for ?date=yyyy-MM-dd; "
                                + "?file= names it, ?rows= and ?sha256= are the extract's control totals; the same content twice changes nothing",
                        (ctx, as) -> {
                            LocalDate date = day(ctx.queryParam("date"));
                            Optional<ControlTotalsView> expected = controlTotals(ctx);
                            String table = ctx.pathParam("table");
                            return Uploads.receive(ctx.bodyInputStream(), scratch, fileName(ctx.queryParam("file"), table), MAX_BATCH_BYTES,
                                    "the batch", file -> as.data().ingest(table, date, file, expected));
                        }).returns(IngestView.class),
                ApiRoute.get(SNAPSHOTS, Permission.READ_DATA_CATALOG, "The published snapshots (?table= narrows to one table)",
                        (ctx, as) -> as.data().snapshots(Optional.ofNullable(ctx.queryParam("table")))).returnsListOf(SnapshotView.class),
                ApiRoute.get(SNAPSHOT, Permission.READ_DATA_CATALOG, "One snapshot: rows, hashes, contract version, schema with privacy classes",
                        (ctx, as) -> as.data().snapshot(ctx.pathParam("id"))).returns(SnapshotView.class),
                ApiRoute.get(QUARANTINE, Permission.READ_DATA_CATALOG,
                        "The rows held back from a snapshot (?limit=, default 100): line, rule, column, why; never an identifier's value",
                        (ctx, as) -> as.data().quarantine(ctx.pathParam("id"), limit(ctx.queryParam("limit"), 100)))
                        .returns(QuarantineView.class),
                ApiRoute.post(GRANT_ACCESS, Permission.GRANT_DATA_ACCESS,
                        "Let another user read some tables for a stated purpose until a date; data stewards only, never to themselves",
                        GrantAccess.class, 201, (ctx, as) -> as.data().grant(Bodies.read(ctx, GrantAccess.class))).returns(GrantView.class),
                ApiRoute.get(GRANTS, Permission.READ_DATA_ACCESS, "Grants, newest first (?user= narrows to one user; anyone may list their own)",
                        (ctx, as) -> as.data().grants(Optional.ofNullable(ctx.queryParam("user")))).returnsListOf(GrantView.class),
                ApiRoute.post(REVOKE_GRANT, Permission.GRANT_DATA_ACCESS, "End a grant at once", null, 200,
                        (ctx, as) -> as.data().revoke(ctx.pathParam("id"))).returns(GrantView.class),
                ApiRoute.post(QUERY, Permission.QUERY_DATA, "Run one SELECT over the snapshots; needs a live grant on every table it reads",
                        Query.class, 200, (ctx, as) -> as.data().query(Bodies.read(ctx, Query.class))).returns(QueryView.class),
                ApiRoute.get(READS, Permission.READ_DATA_ACCESS,
                        "Every read, allowed or refused, oldest first (?user= narrows to one user; anyone may list their own)",
                        (ctx, as) -> as.data().reads(Optional.ofNullable(ctx.queryParam("user")))).returnsListOf(ReadView.class));
    }

    private static LocalDate day(String value) {
        if (value == null) {
            throw AssayException.invalid("query parameter 'date' is required: the batch's business day, yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw AssayException.invalid("query parameter 'date' " + Names.quoted(value) + " is not a day written yyyy-MM-dd");
        }
    }

    private static Optional<ControlTotalsView> controlTotals(Context ctx) {
        String rows = ctx.queryParam("rows");
        String sha256 = ctx.queryParam("sha256");
        if (rows == null && sha256 == null) {
            return Optional.empty();
        }
        if (rows == null || sha256 == null) {
            throw AssayException.invalid("control totals take both ?rows= and ?sha256=, or neither");
        }
        long count;
        try {
            count = Long.parseLong(rows);
        } catch (NumberFormatException e) {
            count = -1;
        }
        // Checked before the batch is received, so a wrong total costs no upload.
        if (count < 0) {
            throw AssayException.invalid("query parameter 'rows' " + Names.quoted(Names.printable(rows, 40)) + " is not a count of rows");
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw AssayException.invalid("query parameter 'sha256' " + Names.quoted(Names.printable(sha256, 80))
                    + " is not a SHA-256 in hex (64 characters 0-9a-f)");
        }
        return Optional.of(new ControlTotalsView(count, sha256));
    }

    /** The name the client gave its file (kept in the snapshot's lineage), if it is a plain file name; else {@code <table>.csv}. */
    private static String fileName(String given, String table) {
        if (given == null) {
            return Names.requireTableName(table) + ".csv";
        }
        if (!FILE_NAME.matcher(given).matches()) {
            throw AssayException.invalid("query parameter 'file' " + Names.quoted(Names.printable(given, 100))
                    + " is not a file name (no folder, no control character, not starting with a dot, at most 255 characters)");
        }
        return given;
    }

    private static int limit(String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw AssayException.invalid("query parameter 'limit' " + Names.quoted(value) + " is not a whole number");
        }
    }
}
