package io.assay.testing;

import io.assay.core.access.Role;
import io.assay.core.access.User;
import io.assay.core.common.IdSource;
import io.assay.core.data.AccessGrant;
import io.assay.core.data.DataAccessService;
import io.assay.core.data.DataRead;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule "no read of the data environment without a live grant", and its log. */
class DataAccessServiceTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private InMemoryDataCatalog catalog;
    private SettableClock clock;
    private DataAccessService access;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryDataCatalog();
        clock = new SettableClock(Instant.parse("2026-11-28T08:00:00Z"), AMSTERDAM);
        Map<String, User> people = Map.of("dana", person("dana", Role.DATA_SCIENTIST, true), "eve", person("eve", Role.DATA_SCIENTIST, true),
                "sam", person("sam", Role.DATA_STEWARD, true), "stu", person("stu", Role.DATA_STEWARD, true),
                "gone", person("gone", Role.DATA_SCIENTIST, false), "aud", person("aud", Role.AUDITOR, true));
        access = new DataAccessService(catalog, name -> Optional.ofNullable(people.get(name)), catalog.audit(), Set.of("transactions", "accounts", "customers"),
                clock, IdSource.sequential());
    }

    private static User person(String name, Role role, boolean active) {
        return new User(name, Set.of(role), "admin", Instant.parse("2026-11-01T00:00:00Z"), active);
    }

    @Test
    void only_a_data_steward_grants_and_never_to_themselves() {
        assertThatThrownBy(() -> access.grant("eve", "p", List.of("accounts"), LocalDate.of(2026, 12, 31), "dana"))
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.ROLE_REQUIRED);
        assertThatThrownBy(() -> access.grant("dana", "p", List.of("accounts"), LocalDate.of(2026, 12, 31), "dana"))
                .hasMessage("dana may not grant and revoke data access: it takes the DATA_STEWARD role");
        assertThatThrownBy(() -> access.grant("sam", "p", List.of("accounts"), LocalDate.of(2026, 12, 31), "sam"))
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.SEGREGATION_OF_DUTIES);
        assertThat(access.grant("sam", "p", List.of("accounts"), LocalDate.of(2026, 12, 31), "stu").grantedBy()).isEqualTo("stu");
        assertThatThrownBy(() -> access.grant("dana", "p", List.of("accounts"), LocalDate.of(2026, 12, 31), "ghost"))
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(catalog.listGrants(Optional.empty())).hasSize(1);
        // Regression: refused grants were not in the audit log, though every refused attempt should be.
        assertThat(catalog.auditEvents()).extracting(event -> event.entry().action())
                .containsExactly("data.grant.refused", "data.grant.refused", "data.grant.refused", "data.grant", "data.grant.refused");
    }

    @Test
    void grants_go_only_to_active_users() {
        assertThatThrownBy(() -> access.grant("ghost", "p", List.of("accounts"), LocalDate.of(2026, 12, 31), "sam"))
                .hasMessageContaining("no active user 'ghost'");
        assertThatThrownBy(() -> access.grant("gone", "p", List.of("accounts"), LocalDate.of(2026, 12, 31), "sam"))
                .hasMessageContaining("no active user 'gone'");
        assertThat(catalog.listGrants(Optional.empty())).isEmpty();
    }

    @Test
    void a_read_refused_for_who_is_asking_is_logged_too() {
        assertThatThrownBy(() -> access.authoriseRead("sam", List.of("accounts"), "query sha256:abc"))
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.ROLE_REQUIRED);
        assertThatThrownBy(() -> access.authoriseRead("gone", List.of("accounts"), "query sha256:abc"))
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);

        assertThat(catalog.listReads(Optional.empty())).extracting(DataRead::user, DataRead::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sam", DataRead.Outcome.REFUSED),
                        org.assertj.core.groups.Tuple.tuple("gone", DataRead.Outcome.REFUSED));
    }

    @Test
    void grants_and_reads_are_for_stewards_reviewers_and_auditors_and_each_user_sees_their_own() {
        access.grant("dana", "churn model", List.of("accounts"), LocalDate.of(2026, 12, 31), "sam");

        assertThat(access.grants("dana", Optional.of("dana"))).hasSize(1);
        assertThat(access.grants("aud", Optional.empty())).hasSize(1);
        assertThatThrownBy(() -> access.grants("eve", Optional.of("dana")))
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.ROLE_REQUIRED);
        assertThatThrownBy(() -> access.reads("dana", Optional.empty()))
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.ROLE_REQUIRED);
    }

    @Test
    void a_grant_opens_exactly_its_tables_and_each_read_is_logged_with_the_grant_and_its_purpose() {
        AccessGrant grant = access.grant("dana", "churn model", List.of("transactions", "accounts"), LocalDate.of(2026, 12, 31), "sam");

        DataRead read = access.authoriseRead("dana", List.of("transactions"), "query sha256:abc");

        assertThat(read.outcome()).isEqualTo(DataRead.Outcome.ALLOWED);
        assertThat(read.grantIds()).containsExactly(grant.id());
        assertThat(read.purpose()).isEqualTo("churn model");
        assertThatThrownBy(() -> access.authoriseRead("dana", List.of("transactions", "customers"), "query sha256:def"))
                .isInstanceOf(AssayException.class).hasMessageContaining("no live grant for table(s) customers");
        assertThat(catalog.listReads(Optional.empty())).extracting(DataRead::outcome)
                .containsExactly(DataRead.Outcome.ALLOWED, DataRead.Outcome.REFUSED);
    }

    @Test
    void a_grant_lasts_until_the_end_of_its_expiry_day_in_the_banks_time_zone() {
        access.grant("dana", "churn model", List.of("transactions"), LocalDate.of(2026, 11, 30), "sam");

        clock.set(Instant.parse("2026-11-30T22:59:59Z"));
        assertThat(access.authoriseRead("dana", List.of("transactions"), "q").outcome()).isEqualTo(DataRead.Outcome.ALLOWED);

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> access.authoriseRead("dana", List.of("transactions"), "q"))
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.ACCESS_DENIED);
    }

    @Test
    void grants_are_refused_for_unknown_tables_past_dates_more_than_a_year_ahead_or_without_a_purpose() {
        assertThatThrownBy(() -> access.grant("dana", "x", List.of("loans"), LocalDate.of(2026, 12, 31), "sam"))
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.UNKNOWN_TABLE);
        assertThatThrownBy(() -> access.grant("dana", "x", List.of("accounts"), LocalDate.of(2026, 11, 27), "sam"))
                .hasMessageContaining("in the past");
        assertThatThrownBy(() -> access.grant("dana", "x", List.of("accounts"), LocalDate.of(2028, 1, 1), "sam"))
                .hasMessageContaining("more than a year away");
        assertThatThrownBy(() -> access.grant("dana", " ", List.of("accounts"), LocalDate.of(2026, 12, 31), "sam"))
                .hasMessageContaining("purpose is required");
        assertThatThrownBy(() -> access.grant("dana\r\nadmin", "x", List.of("accounts"), LocalDate.of(2026, 12, 31), "sam"))
                .hasMessageContaining("user name");
        assertThat(catalog.listGrants(Optional.empty())).isEmpty();
    }

    @Test
    void a_revoked_grant_no_longer_counts_and_cannot_be_revoked_twice() {
        AccessGrant grant = access.grant("dana", "churn model", List.of("transactions"), LocalDate.of(2026, 12, 31), "sam");

        access.revoke(grant.id(), "sam");

        assertThatThrownBy(() -> access.authoriseRead("dana", List.of("transactions"), "q")).hasMessageContaining("no live grant");
        assertThatThrownBy(() -> access.revoke(grant.id(), "sam"))
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.ALREADY_DONE);
    }

    /** Whatever the day of reading, a read is allowed exactly when it falls on or before the expiry day. */
    @Property(tries = 200)
    void a_read_is_allowed_exactly_until_the_expiry_day(@ForAll @IntRange(min = 0, max = 60) int expiresInDays,
                                                       @ForAll @IntRange(min = 0, max = 90) int readAfterDays) {
        setUp();
        LocalDate today = LocalDate.ofInstant(clock.instant(), AMSTERDAM);
        access.grant("dana", "churn model", List.of("accounts"), today.plusDays(expiresInDays), "sam");
        clock.advance(Duration.ofDays(readAfterDays));

        boolean allowed;
        try {
            access.authoriseRead("dana", List.of("accounts"), "q");
            allowed = true;
        } catch (AssayException refused) {
            allowed = false;
        }

        assertThat(allowed).isEqualTo(readAfterDays <= expiresInDays);
        assertThat(catalog.listReads(Optional.of("dana"))).hasSize(1);
    }
}
