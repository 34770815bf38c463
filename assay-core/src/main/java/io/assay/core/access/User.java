package io.assay.core.access;

import io.assay.core.common.Names;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Someone (or some application) known to Assay, with the roles they hold now. Roles are looked
 * up at the moment of every action, so taking a role away takes effect at once.
 */
public record User(String name, Set<Role> roles, String createdBy, Instant createdAt, boolean active) {
    public User {
        Names.requireUserName(name);
        roles = Set.copyOf(requireNonNull(roles, "roles is null"));
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    public boolean holds(Role role) {
        return active && roles.contains(role);
    }

    public User withRoles(Set<Role> newRoles) {
        return new User(name, newRoles.isEmpty() ? Set.of() : EnumSet.copyOf(newRoles), createdBy, createdAt, active);
    }

    public User withActive(boolean nowActive) {
        return new User(name, roles, createdBy, createdAt, nowActive);
    }

    /** The roles this user may act under now: none once deactivated. */
    public Set<Role> effectiveRoles() {
        return active ? roles : Set.of();
    }
}
