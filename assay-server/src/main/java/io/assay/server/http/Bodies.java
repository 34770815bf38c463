package io.assay.server.http;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.api.JsonRequests;
import io.javalin.http.Context;

import java.util.Locale;

/** Reads path parameters and JSON bodies, turning every malformed one into a clear INVALID_ARGUMENT. */
final class Bodies {
    private Bodies() {}

    static <T> T read(Context ctx, Class<T> type) {
        return read(ctx.bodyAsBytes(), ctx.contentType(), type);
    }

    /** The same rules for a body read by a server other than Javalin (the data plane's). */
    static <T> T read(byte[] body, String contentType, Class<T> type) {
        if (body.length == 0) {
            throw AssayException.invalid("this request needs a JSON body: an object " + JsonRequests.fieldsOf(type));
        }
        requireJson(contentType);
        return JsonRequests.parse(body, type);
    }

    /**
     * Only JSON, in UTF-8: a form or text body (what a foreign web page can send without asking)
     * is never read, nor a look-alike type such as application/jsonx.
     */
    static void requireJson(String contentType) {
        String[] parts = String.valueOf(contentType).split(";");
        boolean json = parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
        for (int i = 1; json && i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            json = !parameter.startsWith("charset=") || parameter.equals("charset=utf-8");
        }
        if (!json) {
            throw AssayException.invalid("send the body as Content-Type: application/json (UTF-8), not "
                    + Names.quoted(Names.printable(String.valueOf(contentType), 100)));
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
}
