package io.assay.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.server.api.Wire;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads path parameters and JSON bodies, turning every malformed one into a clear INVALID_ARGUMENT. */
final class Bodies {
    /** Fields Assay sets itself; naming one in a body is an attempt at mass assignment, and said so. */
    private static final Set<String> SET_BY_ASSAY = Set.of("stage", "author", "reviewer", "approver", "approved_by", "revision",
            "created_by", "recorded_by", "evidence_digest", "actor");

    private Bodies() {}

    static <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw AssayException.invalid("this request needs a JSON body");
        }
        // Only JSON: a form or text body (what a foreign web page can send without asking) is never read.
        String contentType = String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw AssayException.invalid("send the body as Content-Type: application/json, not " + Names.quoted(ctx.contentType()));
        }
        try {
            return Wire.JSON.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            String field = e.getPropertyName();
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            if (SET_BY_ASSAY.contains(field)) {
                throw AssayException.invalid("field " + Names.quoted(field) + " is set by Assay, never by a request; this request takes: "
                        + known);
            }
            throw AssayException.invalid("unknown field " + Names.quoted(field) + "; this request takes: " + known);
        } catch (MismatchedInputException e) {
            throw AssayException.invalid("field " + Names.quoted(fieldPath(e)) + " has the wrong type: "
                    + Names.printable(e.getOriginalMessage(), 200));
        } catch (JsonProcessingException e) {
            throw AssayException.invalid("the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw AssayException.invalid("the body cannot be read: " + Names.printable(String.valueOf(e.getMessage()), 200));
        }
    }

    static int version(Context ctx) {
        String raw = ctx.pathParam("version");
        try {
            int number = Integer.parseInt(raw);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw AssayException.invalid("version " + Names.quoted(raw) + " is not a positive whole number");
    }

    private static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
    }
}
