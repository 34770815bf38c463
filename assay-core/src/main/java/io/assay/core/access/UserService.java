package io.assay.core.access;

import io.assay.core.audit.AuditEntry;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.AuditedChanges;
import io.assay.core.registry.RegistryStore;
import io.assay.core.registry.RegistryTransaction;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Users and their roles: only an ADMIN changes them, every change is audited, and the first
 * admin is created once, by Assay itself, when the home is new.
 */
public final class UserService {
    /** The actor that creates the first admin. */
    public static final String SYSTEM = "assay";

    private final RegistryStore store;
    private final AuditedChanges changes;

    public UserService(RegistryStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.changes = new AuditedChanges(store, clock);
    }

    /** Creates {@code name} as an ADMIN when there are no users at all; returns whether it did. */
    public boolean bootstrapAdmin(String name) {
        Names.requireUserName(name);
        return store.inTransaction(tx -> {
            if (tx.anyUser()) {
                return false;
            }
            Instant now = now();
            tx.insertUser(new User(name, Set.of(Role.ADMIN), SYSTEM, now, true));
            tx.appendAudit(new AuditEntry(now, SYSTEM, "user.add", "user:" + name, "-", "[ADMIN]", "first admin of a new home",
                    "bootstrap"));
            return true;
        });
    }

    public User addUser(String actorName, String name, Set<Role> roles, String requestId) {
        Names.requireUserName(name);
        if (roles.isEmpty()) {
            throw AssayException.invalid("user " + name + " needs at least one role; roles are " + List.of(Role.values()));
        }
        return changes.run(actorName, "user.add", "user:" + name, requestId, tx -> {
            requireAdmin(tx, actorName);
            requireSeparateDuties(name, roles);
            Instant now = now();
            User user = new User(name, EnumSet.copyOf(roles), actorName, now, true);
            tx.insertUser(user);
            tx.appendAudit(new AuditEntry(now, actorName, "user.add", "user:" + name, "-", sorted(user.roles()).toString(),
                    "added by " + actorName, requestId));
            return user;
        });
    }

    /** Replaces the roles of {@code name}; taking a reviewer role away voids their approvals at promotion time. */
    public User setRoles(String actorName, String name, Set<Role> roles, String requestId) {
        return changes.run(actorName, "user.roles", "user:" + name, requestId, tx -> {
            requireAdmin(tx, actorName);
            if (actorName.equals(name)) {
                throw new AssayException(ErrorCode.SEGREGATION_OF_DUTIES, actorName + " may not change their own roles; ask another admin");
            }
            requireSeparateDuties(name, roles);
            User before = existing(tx, name);
            User after = before.withRoles(roles);
            tx.updateUser(after);
            tx.appendAudit(new AuditEntry(now(), actorName, "user.roles", "user:" + name, sorted(before.roles()).toString(),
                    sorted(after.roles()).toString(), "roles changed by " + actorName, requestId));
            return after;
        });
    }

    public User deactivate(String actorName, String name, String requestId) {
        return changes.run(actorName, "user.deactivate", "user:" + name, requestId, tx -> {
            requireAdmin(tx, actorName);
            if (actorName.equals(name)) {
                throw AssayException.invalid("an admin cannot deactivate themselves; ask another admin");
            }
            User before = existing(tx, name);
            User after = before.withActive(false);
            tx.updateUser(after);
            tx.appendAudit(new AuditEntry(now(), actorName, "user.deactivate", "user:" + name, "active", "inactive",
                    "deactivated by " + actorName, requestId));
            return after;
        });
    }

    /** The active user {@code name} with the roles held now; see {@link UserDirectory#activeActor}. */
    public Actor activeActor(String name) {
        return store.activeActor(name);
    }

    public Optional<User> find(String name) {
        return store.findUser(name);
    }

    public List<User> list() {
        return store.listUsers();
    }

    /** The users as one person may see them: listing people and their roles is the ADMIN's business. */
    public List<User> listAs(String actorName) {
        requireAdmin(store, actorName);
        return store.listUsers();
    }

    private static void requireAdmin(UserDirectory users, String actorName) {
        Permission.MANAGE_ACCESS.require(users.activeActor(actorName));
    }

    /**
     * An admin who could also approve models or grant data access could give themselves
     * whatever a review or a grant guards.
     */
    private static void requireSeparateDuties(String name, Set<Role> roles) {
        if (roles.contains(Role.ADMIN) && roles.stream().anyMatch(Role::excludesAdmin)) {
            throw new AssayException(ErrorCode.SEGREGATION_OF_DUTIES, name + " cannot hold ADMIN together with "
                    + roles.stream().filter(Role::excludesAdmin).sorted().toList());
        }
    }

    private static User existing(RegistryTransaction tx, String name) {
        Names.requireUserName(name);
        return tx.findUser(name).orElseThrow(() -> AssayException.notFound("no user " + Names.quoted(name)));
    }

    private static List<Role> sorted(Set<Role> roles) {
        return roles.stream().sorted().toList();
    }

    private Instant now() {
        return changes.now();
    }
}
