package io.assay.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.api.Endpoints;
import io.assay.api.UserView;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.assay.server.http.Access.PUBLIC;
import static io.assay.server.http.Access.SIGNED_IN;

/** Health (the one public route), who am I, and the API description. */
final class SystemRoutes {

    private SystemRoutes() {}

    static List<ApiRoute> routes(Supplier<JsonNode> openApi, Supplier<Map<String, Object>> health) {
        return List.of(
                ApiRoute.get(Endpoints.HEALTH, PUBLIC, "Whether the server and its database answer; no token needed", (ctx, as) -> health.get()),
                ApiRoute.get(Endpoints.ME, SIGNED_IN, "The user the token stands for, with their roles", (ctx, as) -> as.whoAmI())
                        .returns(UserView.class),
                ApiRoute.get(Endpoints.OPENAPI, SIGNED_IN, "This API's OpenAPI description", (ctx, as) -> openApi.get()));
    }
}
