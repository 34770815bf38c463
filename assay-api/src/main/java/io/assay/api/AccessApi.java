package io.assay.api;

import java.util.List;
import java.util.Optional;

/** Who is signed in, the users with their roles, and their API tokens (users and tokens are the ADMIN's business). */
public interface AccessApi {
    UserView whoAmI();

    List<UserView> users();

    UserView addUser(Requests.AddUser request);

    UserView setRoles(String name, Requests.SetRoles request);

    UserView deactivate(String name);

    List<TokenView> tokens(Optional<String> user);

    TokenView createToken(Requests.CreateToken request);

    TokenView revokeToken(String id);
}
