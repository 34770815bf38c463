package io.assay.server.http;

import io.assay.api.Requests.AddUser;
import io.assay.api.Requests.CreateToken;
import io.assay.api.Requests.SetRoles;
import io.assay.api.TokenView;
import io.assay.api.UserView;

import java.util.List;

import static io.assay.api.Endpoints.*;
import java.util.Optional;

import static io.assay.server.http.Access.ADMINS;

/** Users and API tokens: the ADMIN's business, and nobody else's. */
final class AdminRoutes {
    private AdminRoutes() {}

    static List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get(USERS, ADMINS, "List users and their roles", (ctx, as) -> as.users()).returnsListOf(UserView.class),
                ApiRoute.post(ADD_USER, ADMINS, "Add a user with roles", AddUser.class, 201,
                        (ctx, as) -> as.addUser(Bodies.read(ctx, AddUser.class))).returns(UserView.class),
                ApiRoute.put(SET_ROLES, ADMINS, "Replace a user's roles", SetRoles.class,
                        (ctx, as) -> as.setRoles(ctx.pathParam("user"), Bodies.read(ctx, SetRoles.class))).returns(UserView.class),
                ApiRoute.post(DEACTIVATE_USER, ADMINS, "Stop a user from acting; their record stays", null, 200,
                        (ctx, as) -> as.deactivate(ctx.pathParam("user"))).returns(UserView.class),
                ApiRoute.get(TOKENS, ADMINS, "List tokens (never their secrets); ?user= narrows to one user",
                        (ctx, as) -> as.tokens(Optional.ofNullable(ctx.queryParam("user")))).returnsListOf(TokenView.class),
                ApiRoute.post(CREATE_TOKEN, ADMINS, "Issue a token; the answer holds its secret, shown this once", CreateToken.class, 201,
                        (ctx, as) -> as.createToken(Bodies.read(ctx, CreateToken.class))).returns(TokenView.class),
                ApiRoute.post(REVOKE_TOKEN, ADMINS, "Revoke a token at once", null, 200,
                        (ctx, as) -> as.revokeToken(ctx.pathParam("id"))).returns(TokenView.class));
    }
}
