package io.assay.server.http;

import io.assay.core.common.IdSource;
import io.javalin.http.Context;

import java.util.regex.Pattern;

/**
 * The id that ties a request's log line, its problem answer and its audit events together. A
 * client may send its own (X-Request-Id) if it is short and plain; anything else is replaced, so
 * a header cannot inject text into the log or the audit chain.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "assay.requestId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final IdSource IDS = IdSource.random();

    private RequestIds() {}

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            id = accepted(ctx.header(HEADER));
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
        }
        return id;
    }

    /** The id a client sent, if it is short and plain; otherwise a new one. */
    static String accepted(String sent) {
        return sent != null && PLAIN.matcher(sent).matches() ? sent : IDS.next("req");
    }
}
