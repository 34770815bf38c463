package io.assay.server.http;

import io.assay.api.Endpoint;
import io.assay.core.access.Role;
import io.javalin.http.HandlerType;

import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One REST route and who may call it: the route table is made of these, and it alone drives
 * registration, the role check, the OpenAPI document and the test that walks every route.
 *
 * @param roles       the roles that may call it; empty only for the public health route
 * @param requestBody the wire record its JSON body is read into, if it takes one
 * @param status      the status of a successful answer
 * @param response    the wire record of a successful answer (for the API description)
 * @param manyOf      the answer is a list of {@code response}
 */
public record ApiRoute(HandlerType method, String path, Set<Role> roles, String summary, Optional<Class<?>> requestBody, int status,
                       Optional<Class<?>> response, boolean manyOf, RouteHandler handler) {
    public ApiRoute {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        roles = Set.copyOf(requireNonNull(roles, "roles is null"));
        requireNonNull(summary, "summary is null");
        requireNonNull(requestBody, "requestBody is null");
        requireNonNull(response, "response is null");
        requireNonNull(handler, "handler is null");
    }

    public boolean isPublic() {
        return roles.isEmpty();
    }

    public static ApiRoute get(Endpoint endpoint, Set<Role> roles, String summary, RouteHandler handler) {
        return of(endpoint, roles, summary, null, 200, handler);
    }

    public static ApiRoute post(Endpoint endpoint, Set<Role> roles, String summary, Class<?> body, int status, RouteHandler handler) {
        return of(endpoint, roles, summary, body, status, handler);
    }

    public static ApiRoute put(Endpoint endpoint, Set<Role> roles, String summary, Class<?> body, RouteHandler handler) {
        return of(endpoint, roles, summary, body, 200, handler);
    }

    /** A route at an endpoint declared in {@link io.assay.api.Endpoints}, the one place its method and path are written. */
    public static ApiRoute of(Endpoint endpoint, Set<Role> roles, String summary, Class<?> body, int status, RouteHandler handler) {
        return new ApiRoute(HandlerType.findOrCreate(endpoint.method()), endpoint.path(), roles, summary, Optional.ofNullable(body), status,
                Optional.empty(), false, handler);
    }

    public ApiRoute returns(Class<?> type) {
        return new ApiRoute(method, path, roles, summary, requestBody, status, Optional.of(type), false, handler);
    }

    public ApiRoute returnsListOf(Class<?> type) {
        return new ApiRoute(method, path, roles, summary, requestBody, status, Optional.of(type), true, handler);
    }
}
