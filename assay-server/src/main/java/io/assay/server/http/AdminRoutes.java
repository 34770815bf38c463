package io.assay.server.http;

import io.assay.core.access.Permission;
import io.assay.api.Requests.AddUser;
import io.assay.api.Requests.CreateToken;
import io.assay.api.Requests.SetRoles;
import io.assay.api.TokenView;
import io.assay.api.UserView;

import java.util.List;

import static io.assay.api.Endpoints.*;
import java.util.Optional;


/** Users and API tokens: the ADMIN's business, and nobody else's. */
final class AdminRoutes {
    private AdminRoutes() {}

    static List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get(USERS, Permission.MANAGE_ACCESS, "List users and their roles", (ctx, as) -> as.governance().users()).returnsListOf(UserView.class),
                ApiRoute.post(ADD_USER, Permission.MANAGE_ACCESS, "Add a user with roles", AddUser.class, 201,
                        (ctx, as) -> as.governance().addUser(Bodies.read(ctx, AddUser.class))).returns(UserView.class),
                ApiRoute.put(SET_ROLES, Permission.MANAGE_ACCESS, "Replace a user's roles", SetRoles.class,
                        (ctx, as) -> as.governance().setRoles(ctx.pathParam("user"), Bodies.read(ctx, SetRoles.class))).returns(UserView.class),
                ApiRoute.post(DEACTIVATE_USER, Permission.MANAGE_ACCESS, "Stop a user from acting; their record stays", null, 200,
                        (ctx, as) -> as.governance().deactivate(ctx.pathParam("user"))).returns(UserView.class),
                ApiRoute.get(TOKENS, Permission.MANAGE_ACCESS,
                        "List tokens (never their secrets); ?user= narrows to one user (anyone may list their own)",
                        (ctx, as) -> as.governance().tokens(Optional.ofNullable(ctx.queryParam("user")))).returnsListOf(TokenView.class),
                ApiRoute.post(CREATE_TOKEN, Permission.SIGN_IN,
                        "Issue a token: one's own, or as ADMIN an application's (APP); the answer holds its secret, shown this once",
                        CreateToken.class, 201,
                        (ctx, as) -> as.governance().createToken(Bodies.read(ctx, CreateToken.class))).returns(TokenView.class),
                ApiRoute.post(REVOKE_TOKEN, Permission.SIGN_IN, "Revoke a token at once (one's own, or any as ADMIN)", null, 200,
                        (ctx, as) -> as.governance().revokeToken(ctx.pathParam("id"))).returns(TokenView.class));
    }
}
