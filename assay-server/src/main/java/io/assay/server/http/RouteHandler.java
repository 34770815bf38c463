package io.assay.server.http;

import io.assay.api.Governance;
import io.javalin.http.Context;

/** A thin handler: read the request, make one governance call as the signed-in person, answer. */
@FunctionalInterface
public interface RouteHandler {
    /** Returns the answer's body (written as JSON), or null when the handler wrote the answer itself. */
    Object handle(Context ctx, Governance as) throws Exception;
}
