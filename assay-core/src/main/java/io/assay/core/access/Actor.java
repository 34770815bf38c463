package io.assay.core.access;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/** Who performs an action, with the roles they hold at that moment (read from the store, never from a request). */
public record Actor(String name, Set<Role> roles) {
    public Actor {
        requireNonNull(name, "name is null");
        roles = Set.copyOf(requireNonNull(roles, "roles is null"));
    }

    public static Actor of(User user) {
        return new Actor(user.name(), user.effectiveRoles());
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
