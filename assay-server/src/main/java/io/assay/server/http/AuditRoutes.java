package io.assay.server.http;

import io.assay.core.access.Permission;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.api.AuditCheck;
import io.assay.api.AuditEventView;
import io.assay.api.CheckpointView;
import io.assay.api.Requests.VerifyAudit;
import io.assay.api.Wire;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import static io.assay.api.Endpoints.*;
import java.util.Optional;


/** The hash-chained audit log, for auditors: verify it, export its head, export events. */
final class AuditRoutes {
    static final String NDJSON = "application/x-ndjson";

    private AuditRoutes() {}

    static List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post(VERIFY_AUDIT, Permission.VERIFY_AUDIT,
                        "Walk the chain and name the first broken event, optionally against a checkpoint", VerifyAudit.class, 200,
                        (ctx, as) -> as.governance().verifyAudit(ctx.bodyAsBytes().length == 0 ? Optional.empty()
                                : Bodies.read(ctx, VerifyAudit.class).against())).returns(AuditCheck.class),
                ApiRoute.post(AUDIT_CHECKPOINT, Permission.READ_AUDIT, "Export the chain's head, to be kept outside Assay", null, 201,
                        (ctx, as) -> as.governance().checkpoint()).returns(CheckpointView.class),
                ApiRoute.get(AUDIT_EVENTS, Permission.READ_AUDIT,
                        "Events of the days ?from=yyyy-MM-dd&to=yyyy-MM-dd (UTC, both included) as JSON lines, with their hashes",
                        (ctx, as) -> {
                            LocalDate from = day("from", ctx.queryParam("from"));
                            LocalDate to = day("to", ctx.queryParam("to"));
                            ctx.contentType(NDJSON);
                            if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
                                return null; // no body, so no export to record
                            }
                            OutputStream out = new BufferedOutputStream(ctx.outputStream(), 1 << 16);
                            as.governance().exportAudit(from, to, event -> writeLine(out, event));
                            out.flush();
                            return null;
                        }).returnsListOf(AuditEventView.class).checkingFirst());
    }

    private static LocalDate day(String name, String value) {
        if (value == null) {
            throw AssayException.invalid("query parameter '" + name + "' is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw AssayException.invalid("query parameter '" + name + "' " + Names.quoted(value) + " is not a day (yyyy-MM-dd)");
        }
    }

    private static void writeLine(OutputStream out, AuditEventView event) {
        try {
            out.write(Wire.JSON.writeValueAsBytes(event));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
