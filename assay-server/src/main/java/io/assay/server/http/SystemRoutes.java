package io.assay.server.http;

import io.assay.core.access.Permission;
import com.fasterxml.jackson.databind.JsonNode;
import io.assay.api.Endpoints;
import io.assay.api.UserView;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;


/** Health (the one public route), who am I, and the API description. */
final class SystemRoutes {

    private SystemRoutes() {}

    static List<ApiRoute> routes(Supplier<JsonNode> openApi, Supplier<Map<String, Object>> health) {
        return List.of(
                ApiRoute.get(Endpoints.HEALTH, null, "Whether the server and its database answer; no token needed", (ctx, as) -> health.get()),
                ApiRoute.get(Endpoints.ME, Permission.SIGN_IN, "The user the token stands for, with their roles", (ctx, as) -> as.governance().whoAmI())
                        .returns(UserView.class),
                ApiRoute.get(Endpoints.OPENAPI, Permission.SIGN_IN, "This API's OpenAPI description", (ctx, as) -> openApi.get()));
    }
}
