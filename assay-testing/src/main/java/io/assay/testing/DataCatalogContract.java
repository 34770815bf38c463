package io.assay.testing;

import io.assay.core.audit.AuditEvent;
import io.assay.core.audit.AuditVerifier;
import io.assay.core.data.AccessGrant;
import io.assay.core.data.DataCatalog;
import io.assay.core.data.DataRead;
import io.assay.core.data.Revocation;
import io.assay.core.data.Snapshot;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.assay.testing.DataFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link DataCatalog} does; extended once per implementation (in memory, SQLite, PostgreSQL). */
public abstract class DataCatalogContract {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    protected DataCatalog catalog;

    /** A new, empty catalog for each test. */
    protected abstract DataCatalog newCatalog();

    /** The audit chain the catalog appends to, oldest first. */
    protected abstract List<AuditEvent> auditEvents();

    @Test
    void every_grant_revocation_and_read_is_an_event_of_an_intact_audit_chain() {
        catalog.saveGrant(DataFixtures.grant("grant-1", "dana", NOW));
        catalog.recordRead(DataFixtures.read("read-1", "dana", NOW.plusSeconds(1)));
        catalog.revokeGrant("grant-1", new Revocation("sam", NOW.plusSeconds(2)));

        List<AuditEvent> events = auditEvents();
        AuditVerifier verifier = AuditVerifier.create();
        events.forEach(verifier);

        assertThat(events).extracting(event -> event.entry().action()).containsExactly("data.grant", "data.read", "data.revoke");
        assertThat(events).extracting(event -> event.entry().actor()).containsExactly("sam.steward", "dana", "sam");
        assertThat(verifier.result().intact()).isTrue();
    }

    @BeforeEach
    void createCatalog() {
        catalog = newCatalog();
    }

    @Test
    void a_recorded_snapshot_comes_back_field_for_field() {
        Snapshot snapshot = DataFixtures.snapshot("transactions", DAY, "a");

        catalog.recordSnapshot(snapshot);

        assertThat(catalog.findSnapshot(snapshot.id())).contains(snapshot);
        assertThat(catalog.findSnapshotBySource("transactions", DAY, snapshot.sourceSha256())).contains(snapshot);
        assertThat(catalog.findSnapshot("nope")).isEmpty();
        assertThat(catalog.findSnapshotBySource("transactions", DAY.minusDays(1), snapshot.sourceSha256())).isEmpty();
    }

    @Test
    void the_same_snapshot_or_the_same_source_content_cannot_be_recorded_twice() {
        Snapshot snapshot = DataFixtures.snapshot("transactions", DAY, "a");
        catalog.recordSnapshot(snapshot);

        assertCode(() -> catalog.recordSnapshot(snapshot), ErrorCode.ALREADY_EXISTS);
        Snapshot sameSourceOtherId = new Snapshot("other-id", snapshot.table(), snapshot.businessDate(), 1, "x.csv",
                snapshot.sourceSha256(), 1, 1, java.util.Map.of(), snapshot.contentSha256(), snapshot.columns(), "snapshots/x",
                "robot", NOW);
        assertCode(() -> catalog.recordSnapshot(sameSourceOtherId), ErrorCode.ALREADY_EXISTS);
        assertThat(catalog.listSnapshots(Optional.empty())).containsExactly(snapshot);
    }

    @Test
    void snapshots_list_by_table_then_day_and_filter_by_table() {
        Snapshot late = DataFixtures.snapshot("transactions", DAY, "b");
        Snapshot early = DataFixtures.snapshot("transactions", DAY.minusDays(1), "c");
        Snapshot accounts = DataFixtures.snapshot("accounts", DAY, "d");
        catalog.recordSnapshot(late);
        catalog.recordSnapshot(early);
        catalog.recordSnapshot(accounts);

        assertThat(catalog.listSnapshots(Optional.empty())).containsExactly(accounts, early, late);
        assertThat(catalog.listSnapshots(Optional.of("transactions"))).containsExactly(early, late);
        assertThat(catalog.listSnapshots(Optional.of("customers"))).isEmpty();
    }

    @Test
    void grants_round_trip_list_newest_first_and_filter_by_user() {
        AccessGrant older = DataFixtures.grant("grant-1", "dana", NOW);
        AccessGrant newer = DataFixtures.grant("grant-2", "dana", NOW.plusSeconds(60));
        AccessGrant other = DataFixtures.grant("grant-3", "eve", NOW.plusSeconds(30));
        catalog.saveGrant(older);
        catalog.saveGrant(newer);
        catalog.saveGrant(other);

        assertThat(catalog.findGrant("grant-1")).contains(older);
        assertThat(catalog.listGrants(Optional.of("dana"))).containsExactly(newer, older);
        assertThat(catalog.listGrants(Optional.empty())).containsExactly(newer, other, older);
        assertCode(() -> catalog.saveGrant(older), ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void a_grant_is_revoked_once_and_unknown_grants_are_not_found() {
        catalog.saveGrant(DataFixtures.grant("grant-1", "dana", NOW));
        Revocation revocation = new Revocation("sam.steward", NOW.plus(Duration.ofHours(2)));

        AccessGrant revoked = catalog.revokeGrant("grant-1", revocation);

        assertThat(revoked.revocation()).contains(revocation);
        assertThat(catalog.findGrant("grant-1")).contains(revoked);
        assertCode(() -> catalog.revokeGrant("grant-1", revocation), ErrorCode.ALREADY_DONE);
        assertCode(() -> catalog.revokeGrant("grant-9", revocation), ErrorCode.NOT_FOUND);
    }

    @Test
    void two_revocations_of_one_grant_at_once_have_exactly_one_winner() throws Exception {
        catalog.saveGrant(DataFixtures.grant("grant-1", "dana", NOW));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (String steward : List.of("sam.steward", "ann.steward")) {
                attempts.add(pool.submit(() -> {
                    try {
                        catalog.revokeGrant("grant-1", new Revocation(steward, NOW.plusSeconds(5)));
                        return true;
                    } catch (AssayException e) {
                        assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_DONE);
                        return false;
                    }
                }));
            }
            long winners = 0;
            for (Future<Boolean> attempt : attempts) {
                winners += attempt.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_read_log_keeps_every_read_oldest_first_with_its_outcome() {
        DataRead allowed = DataFixtures.read("read-1", "dana", NOW);
        DataRead refused = new DataRead("read-2", "eve", "(none: refused)", List.of("customers"), List.of(),
                DataRead.Outcome.REFUSED, "user eve has no live grant for table(s) customers", NOW.plusSeconds(1));
        DataRead later = DataFixtures.read("read-3", "dana", NOW.plusSeconds(2));
        catalog.recordRead(later);
        catalog.recordRead(allowed);
        catalog.recordRead(refused);

        assertThat(catalog.listReads(Optional.empty())).containsExactly(allowed, refused, later);
        assertThat(catalog.listReads(Optional.of("dana"))).containsExactly(allowed, later);
        assertCode(() -> catalog.recordRead(allowed), ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void reads_recorded_from_many_threads_are_all_kept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int t = thread;
                writers.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        catalog.recordRead(DataFixtures.read("read-" + t + "-" + i, "user" + t, NOW.plusMillis(i)));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(catalog.listReads(Optional.empty())).hasSize(200);
        assertThat(catalog.listReads(Optional.of("user3"))).hasSize(25);
    }

    private static void assertCode(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOf(AssayException.class)
                .extracting(e -> ((AssayException) e).code()).isEqualTo(code);
    }
}
