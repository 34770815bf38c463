package io.assay.testing;

import io.assay.core.access.Actor;
import io.assay.core.access.Role;
import io.assay.core.access.TokenService;
import io.assay.core.access.TokenSnapshot;
import io.assay.core.access.User;
import io.assay.core.access.UserService;
import io.assay.core.audit.AuditEvent;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenServiceTest {
    private final SettableClock clock = new SettableClock(RegistryFixtures.NOW, ZoneOffset.UTC);
    private final InMemoryRegistryStore store = new InMemoryRegistryStore();
    private final UserService users = new UserService(store, clock);
    private final TokenService tokens = new TokenService(store, clock);

    @BeforeEach
    void people() {
        users.bootstrapAdmin("root");
        users.addUser("root", "crm", Set.of(Role.APP), "t");
        users.addUser("root", "dana", Set.of(Role.DATA_SCIENTIST), "t");
    }

    @Test
    void a_token_authenticates_as_its_user_and_only_its_hash_is_kept() {
        TokenService.Issued issued = tokens.create("root", "crm", "crm production", Optional.empty(), "t");

        User user = tokens.authenticate(issued.secret());

        assertThat(user.name()).isEqualTo("crm");
        assertThat(issued.token().secretSha256()).hasSize(64).isNotEqualTo(issued.secret());
        List<AuditEvent> events = new ArrayList<>();
        store.scanAudit(1, Long.MAX_VALUE, events::add);
        assertThat(events).noneMatch(event -> event.entry().reason().contains(issued.secret().substring(24)));
        assertThat(events.get(events.size() - 1).entry().action()).isEqualTo("token.create");
    }

    @Test
    void a_wrong_revoked_or_expired_token_or_an_inactive_user_is_refused_alike() {
        TokenService.Issued forever = tokens.create("root", "crm", "crm", Optional.empty(), "t");
        TokenService.Issued hour = tokens.create("dana", "dana", "laptop", Optional.of(RegistryFixtures.NOW.plusSeconds(3600)), "t");
        String tampered = forever.secret().substring(0, forever.secret().length() - 1)
                + (forever.secret().endsWith("A") ? "B" : "A");

        assertUnauthenticated(tampered);
        assertUnauthenticated("Bearer nonsense");
        assertUnauthenticated(null);
        clock.advance(Duration.ofHours(2));
        assertUnauthenticated(hour.secret());
        tokens.revoke("root", forever.token().id(), "t");
        assertUnauthenticated(forever.secret());
        TokenService.Issued again = tokens.create("root", "crm", "crm 2", Optional.empty(), "t");
        users.deactivate("root", "crm", "t");
        assertUnauthenticated(again.secret());
    }

    @Test
    void a_snapshot_authenticates_by_the_same_rule_and_sees_revocations_only_once_reloaded() {
        TokenService.Issued crm = tokens.create("root", "crm", "crm", Optional.empty(), "t");
        TokenService.Issued hour = tokens.create("dana", "dana", "laptop", Optional.of(RegistryFixtures.NOW.plusSeconds(3600)), "t");
        TokenSnapshot before = tokens.snapshot();

        assertThat(before.authenticate(crm.secret())).isEqualTo(new Actor("crm", Set.of(Role.APP)));
        assertThat(before.authenticate(hour.secret()).name()).isEqualTo("dana");
        for (String wrong : new String[] {null, "nonsense", crm.secret().substring(0, crm.secret().length() - 1) + "x"}) {
            assertThatThrownBy(() -> before.authenticate(wrong))
                    .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        }
        tokens.revoke("root", crm.token().id(), "t");
        assertThat(before.authenticate(crm.secret()).name()).as("an old snapshot until the next reload").isEqualTo("crm");
        assertThatThrownBy(() -> tokens.snapshot().authenticate(crm.secret())).isInstanceOf(AssayException.class);
        // Expiry is judged when the call comes, not when the snapshot was taken.
        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> before.authenticate(hour.secret())).isInstanceOf(AssayException.class);
    }

    /** A person makes their own token; an admin makes only applications' — so no one holds a secret acting as another person. */
    @Test
    void a_person_makes_their_own_token_and_an_admin_only_an_applications() {
        assertThatThrownBy(() -> tokens.create("root", "dana", "for dana", Optional.empty(), "t"))
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SEGREGATION_OF_DUTIES));
        assertThatThrownBy(() -> tokens.create("dana", "crm", "for crm", Optional.empty(), "t"))
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SEGREGATION_OF_DUTIES));
        assertThat(tokens.list(Optional.empty())).isEmpty();

        TokenService.Issued own = tokens.create("dana", "dana", "mine", Optional.empty(), "t");
        assertThat(tokens.authenticate(own.secret()).name()).isEqualTo("dana");
        assertThat(tokens.listAs("dana", Optional.of("dana"))).hasSize(1);
        assertThatThrownBy(() -> tokens.listAs("dana", Optional.empty())).isInstanceOf(AssayException.class);
        assertThat(tokens.revoke("dana", own.token().id(), "t").revokedAt()).isPresent();
    }

    private void assertUnauthenticated(String presented) {
        assertThatThrownBy(() -> tokens.authenticate(presented))
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED))
                .hasMessage("the token is not valid (unknown, revoked, expired, or its user is inactive)");
    }
}
