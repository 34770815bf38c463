package io.assay.server.http;

import io.assay.api.Endpoint;
import io.assay.core.access.Permission;
import io.assay.core.access.Role;
import io.javalin.http.HandlerType;

import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One REST route and who may call it: the route table is made of these, and it alone drives
 * registration, the role check, the OpenAPI document and the test that walks every route.
 *
 * @param permission  what calling it takes (the core service checks it); empty only for the public health route
 * @param requestBody the wire record its JSON body is read into, if it takes one
 * @param status      the status of a successful answer
 * @param response    the wire record of a successful answer (for the API description)
 * @param manyOf      the answer is a list of {@code response}
 * @param checkedFirst the permission is checked before the handler runs: the body is a file streamed to disk (a batch, a
 *                    model), or the handler writes its own answer (an export), which a HEAD must not start
 */
public record ApiRoute(HandlerType method, String path, Optional<Permission> permission, String summary, Optional<Class<?>> requestBody,
                       int status, Optional<Class<?>> response, boolean manyOf, boolean checkedFirst, RouteHandler handler) {
    public ApiRoute {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(permission, "permission is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(requestBody, "requestBody is null");
        requireNonNull(response, "response is null");
        requireNonNull(handler, "handler is null");
    }

    public boolean isPublic() {
        return permission.isEmpty();
    }

    /** Who may call it: the roles of its permission, which the core services behind it check. */
    public Set<Role> roles() {
        return permission.map(Permission::roles).orElse(Set.of());
    }

    public static ApiRoute get(Endpoint endpoint, Permission permission, String summary, RouteHandler handler) {
        return of(endpoint, permission, summary, null, 200, handler);
    }

    public static ApiRoute post(Endpoint endpoint, Permission permission, String summary, Class<?> body, int status, RouteHandler handler) {
        return of(endpoint, permission, summary, body, status, handler);
    }

    public static ApiRoute put(Endpoint endpoint, Permission permission, String summary, Class<?> body, RouteHandler handler) {
        return of(endpoint, permission, summary, body, 200, handler);
    }

    /** A route whose raw body is a file, received only once the caller's permission is known to allow it. */
    public static ApiRoute upload(Endpoint endpoint, Permission permission, String summary, RouteHandler handler) {
        ApiRoute route = of(endpoint, permission, summary, null, 201, handler);
        return new ApiRoute(route.method, route.path, route.permission, summary, Optional.empty(), 201, Optional.empty(), false, true,
                handler);
    }

    /** This route with its permission checked before its handler runs (see {@code checkedFirst}). */
    public ApiRoute checkingFirst() {
        return new ApiRoute(method, path, permission, summary, requestBody, status, response, manyOf, true, handler);
    }

    /** A route at an endpoint declared in {@link io.assay.api.Endpoints}, the one place its method and path are written. */
    public static ApiRoute of(Endpoint endpoint, Permission permission, String summary, Class<?> body, int status, RouteHandler handler) {
        return new ApiRoute(HandlerType.findOrCreate(endpoint.method()), endpoint.path(), Optional.ofNullable(permission), summary,
                Optional.ofNullable(body), status,
                Optional.empty(), false, false, handler);
    }

    public ApiRoute returns(Class<?> type) {
        return new ApiRoute(method, path, permission, summary, requestBody, status, Optional.of(type), false, checkedFirst, handler);
    }

    public ApiRoute returnsListOf(Class<?> type) {
        return new ApiRoute(method, path, permission, summary, requestBody, status, Optional.of(type), true, checkedFirst, handler);
    }
}
