package io.assay.server.http;

import io.javalin.http.Context;

/** A thin handler: read the request, make one call on the signed-in person's API, answer. */
@FunctionalInterface
public interface RouteHandler {
    /** Returns the answer's body (written as JSON), or null when the handler wrote the answer itself. */
    Object handle(Context ctx, Caller as) throws Exception;
}
