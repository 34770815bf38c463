package io.assay.core.data;

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
 * of the rule "no read without a live grant". Refused reads are logged as well.
 */
public final class DataAccessService {
    private final DataCatalog catalog;
    private final Set<String> knownTables;
    private final Clock clock;
    private final IdSource ids;

    public DataAccessService(DataCatalog catalog, Set<String> knownTables, Clock clock, IdSource ids) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.knownTables = Set.copyOf(requireNonNull(knownTables, "knownTables is null"));
        this.clock = requireNonNull(clock, "clock is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    public AccessGrant grant(String user, String purpose, List<String> tables, LocalDate expiresOn, String grantedBy) {
        requireUserName(user);
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

    public AccessGrant revoke(String grantId, String revokedBy) {
        requireText("grant id", grantId, 128);
        return catalog.revokeGrant(grantId, new Revocation(requireUserName(revokedBy), clock.instant()));
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
        List<String> checkedTables = requireKnownTables(tables);
        requireText("what is read", what, 2000);
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
                    + " (ask a data steward: assay data grant --user " + user + " --tables ... --purpose ... --expires ...)");
        }
        DataRead read = new DataRead(ids.next("read"), user, String.join("; ", purposes), checkedTables,
                List.copyOf(grantIds), DataRead.Outcome.ALLOWED, what, now);
        catalog.recordRead(read);
        return read;
    }

    public List<AccessGrant> grants(Optional<String> user) {
        return catalog.listGrants(user);
    }

    public List<DataRead> reads(Optional<String> user) {
        return catalog.listReads(user);
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
