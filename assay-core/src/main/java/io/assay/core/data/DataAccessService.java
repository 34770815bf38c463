package io.assay.core.data;

import io.assay.core.access.Actor;
import io.assay.core.access.Permission;
import io.assay.core.access.User;
import io.assay.core.access.UserDirectory;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditLog;
import io.assay.core.common.IdSource;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.assay.core.common.Names.requireText;
import static io.assay.core.common.Names.requireUserName;
import static java.util.Objects.requireNonNull;

/**
 * Who may read which tables of the data environment, and the log of every read: the one owner
 * of the rules "no read without a live grant" and "grants come from a data steward, to someone
 * else who is an active user". Refused reads are logged as well, whatever refused them. The
 * data environment's other actions (ingest, the catalog) ask it whether their actor may.
 */
public final class DataAccessService {
    private final DataCatalog catalog;
    private final UserDirectory users;
    private final AuditLog audit;
    private final Set<String> knownTables;
    private final Clock clock;
    private final IdSource ids;

    /** @param audit where refused grants, revocations and other refused actions are recorded (grants themselves join it with the catalog's change) */
    public DataAccessService(DataCatalog catalog, UserDirectory users, AuditLog audit, Set<String> knownTables, Clock clock, IdSource ids) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.users = requireNonNull(users, "users is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.knownTables = Set.copyOf(requireNonNull(knownTables, "knownTables is null"));
        this.clock = requireNonNull(clock, "clock is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    /**
     * The active user {@code actorName}, if they hold {@code permission}.
     *
     * @throws AssayException UNAUTHENTICATED or ROLE_REQUIRED
     */
    public Actor require(String actorName, Permission permission) {
        Actor actor = users.activeActor(actorName);
        permission.require(actor);
        return actor;
    }

    public AccessGrant grant(String user, String purpose, List<String> tables, LocalDate expiresOn, String grantedBy) {
        return audited(grantedBy, "data.grant", "user:" + Names.printable(String.valueOf(user), 128),
                () -> grantChecked(user, purpose, tables, expiresOn, grantedBy));
    }

    public AccessGrant revoke(String grantId, String revokedBy) {
        return audited(revokedBy, "data.revoke", "grant:" + Names.printable(String.valueOf(grantId), 128), () -> {
            require(revokedBy, Permission.GRANT_DATA_ACCESS);
            requireText("grant id", grantId, 128);
            return catalog.revokeGrant(grantId, new Revocation(requireUserName(revokedBy), clock.instant()));
        });
    }

    /**
     * As {@link #require}, recording a refusal as {@code <action>.refused} in the audit log, as the
     * registry records its refusals: for actions of the data environment that change something
     * (an ingest).
     */
    public Actor requireAudited(String actorName, Permission permission, String action, String subject) {
        return audited(actorName, action, subject, () -> require(actorName, permission));
    }

    private <T> T audited(String actorName, String action, String subject, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (AssayException refused) {
            if (Names.isUserName(actorName)) {
                try {
                    audit.append(new AuditEntry(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), actorName,
                            action + ".refused", subject, "-", "-", refused.code() + ": " + refused.getMessage(), ids.next("req")));
                } catch (RuntimeException auditFailed) {
                    refused.addSuppressed(auditFailed);
                }
            }
            throw refused;
        }
    }

    private AccessGrant grantChecked(String user, String purpose, List<String> tables, LocalDate expiresOn, String grantedBy) {
        require(grantedBy, Permission.GRANT_DATA_ACCESS);
        requireUserName(user);
        if (user.equals(grantedBy)) {
            throw new AssayException(ErrorCode.SEGREGATION_OF_DUTIES, grantedBy + " may not grant data access to themselves; "
                    + "another data steward does");
        }
        if (users.findUser(user).filter(User::active).isEmpty()) {
            throw AssayException.notFound("no active user " + Names.quoted(user) + " to grant access to; an admin adds users first");
        }
        String statedPurpose = requireText("purpose", purpose, 500);
        List<String> checkedTables = requireKnownTables(tables);
        requireNonNull(expiresOn, "expiresOn is null");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        if (expiresOn.isBefore(today)) {
            throw AssayException.invalid("expiry date " + expiresOn + " is in the past (today is " + today + ")");
        }
        if (expiresOn.isAfter(today.plusYears(1))) {
            throw AssayException.invalid("expiry date " + expiresOn + " is more than a year away; grants are reviewed at least yearly");
        }
        AccessGrant grant = new AccessGrant(ids.next("grant"), user, statedPurpose, checkedTables, expiresOn,
                requireUserName(grantedBy), now, Optional.empty());
        catalog.saveGrant(grant);
        return grant;
    }

    /**
     * Checks that {@code user} holds live grants covering every table, and logs the attempt.
     *
     * @param what what is read, for the log (a statement hash, a feature build's name)
     * @return the logged read
     * @throws AssayException ACCESS_DENIED naming the tables without a live grant
     */
    public DataRead authoriseRead(String user, List<String> tables, String what) {
        requireUserName(user);
        requireText("what is read", what, 2000);
        List<String> checkedTables;
        try {
            require(user, Permission.QUERY_DATA);
            checkedTables = requireKnownTables(tables);
        } catch (AssayException refused) {
            refuseRead(user, tables, what, refused.getMessage());
            throw refused;
        }
        Instant now = clock.instant();
        List<AccessGrant> live = catalog.listGrants(Optional.of(user)).stream()
                .filter(grant -> grant.isLiveAt(now, clock.getZone()))
                .toList();
        Set<String> grantIds = new LinkedHashSet<>();
        Set<String> purposes = new LinkedHashSet<>();
        List<String> uncovered = new ArrayList<>();
        for (String table : checkedTables) {
            Optional<AccessGrant> covering = live.stream().filter(grant -> grant.covers(table)).findFirst();
            covering.ifPresentOrElse(grant -> {
                grantIds.add(grant.id());
                purposes.add(grant.purpose());
            }, () -> uncovered.add(table));
        }
        if (!uncovered.isEmpty()) {
            String reason = "user " + user + " has no live grant for table(s) " + String.join(", ", uncovered);
            catalog.recordRead(new DataRead(ids.next("read"), user, "(none: refused)", checkedTables, List.of(),
                    DataRead.Outcome.REFUSED, reason + "; " + what, now));
            throw new AssayException(ErrorCode.ACCESS_DENIED, reason
                    + " (ask a data steward: assay data grant --user " + user + " --tables " + String.join(",", uncovered)
                    + " --purpose \"<what for>\" --expires +30d)");
        }
        // The purposes of several grants, joined, may outgrow what a read keeps; the grant ids say the rest.
        DataRead read = new DataRead(ids.next("read"), user, Names.printable(String.join("; ", purposes), 2000), checkedTables,
                List.copyOf(grantIds), DataRead.Outcome.ALLOWED, what, now);
        catalog.recordRead(read);
        return read;
    }

    /**
     * Whether {@code user} may query at all, asked before their SQL is even parsed; a refusal is
     * logged as a refused read like any other.
     */
    public void requireQuerier(String user, String what) {
        try {
            require(user, Permission.QUERY_DATA);
        } catch (AssayException refused) {
            refuseRead(user, List.of(), what, refused.getMessage());
            throw refused;
        }
    }

    /**
     * Logs a read that was refused before any grant was looked at (a statement that is not a
     * plain SELECT, a table function, an unknown table), so the log holds every attempt.
     *
     * @param tables the tables it named, as far as they are known; may be empty
     */
    public DataRead refuseRead(String user, List<String> tables, String what, String reason) {
        DataRead refused = new DataRead(ids.next("read"), requireUserName(user), "(none: refused)",
                requireNonNull(tables, "tables is null").stream().filter(knownTables::contains).sorted().distinct().toList(), List.of(),
                DataRead.Outcome.REFUSED,
                Names.printable(reason + "; " + what, 2000), clock.instant());
        catalog.recordRead(refused);
        return refused;
    }

    /** Grants of one user (or of all): the steward's, reviewer's and auditor's to read, and each user's own. */
    public List<AccessGrant> grants(String actorName, Optional<String> user) {
        requireAccessReader(actorName, user);
        return catalog.listGrants(user);
    }

    /** The read log of one user (or of all), with the same readers as the grants. */
    public List<DataRead> reads(String actorName, Optional<String> user) {
        requireAccessReader(actorName, user);
        return catalog.listReads(user);
    }

    private void requireAccessReader(String actorName, Optional<String> user) {
        Actor actor = users.activeActor(actorName);
        if (!user.equals(Optional.of(actorName))) {
            Permission.READ_DATA_ACCESS.require(actor);
        }
    }

    private List<String> requireKnownTables(List<String> tables) {
        requireNonNull(tables, "tables is null");
        if (tables.isEmpty()) {
            throw AssayException.invalid("name at least one table");
        }
        Set<String> checked = new TreeSet<>();
        for (String table : tables) {
            Names.requireTableName(table);
            if (!knownTables.contains(table)) {
                throw new AssayException(ErrorCode.UNKNOWN_TABLE, "unknown table " + Names.quoted(table)
                        + "; known tables: " + String.join(", ", new TreeSet<>(knownTables)));
            }
            checked.add(table);
        }
        return List.copyOf(checked);
    }
}
