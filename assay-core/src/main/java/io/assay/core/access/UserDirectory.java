package io.assay.core.access;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.util.Optional;
import java.util.Set;

/** Port: the people Assay knows. The one owner of "who is acting, and may they act at all". */
public interface UserDirectory {
    Optional<User> findUser(String name);

    /**
     * The active user {@code name} as an actor, with the roles held now.
     *
     * @throws AssayException UNAUTHENTICATED for an unknown or deactivated user
     */
    default Actor activeActor(String name) {
        return active(this, name);
    }

    /** The roles {@code name} holds now; none for an unknown or deactivated user. */
    default Set<Role> rolesNow(String name) {
        return findUser(name).map(User::effectiveRoles).orElse(Set.of());
    }

    static Actor active(UserDirectory users, String name) {
        Names.requireUserName(name);
        User user = users.findUser(name).filter(User::active).orElseThrow(() -> new AssayException(ErrorCode.UNAUTHENTICATED,
                "no active user " + Names.quoted(name) + "; an admin adds users with 'assay users add' (see 'assay users list')"));
        return Actor.of(user);
    }
}
