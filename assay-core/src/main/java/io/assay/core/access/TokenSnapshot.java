package io.assay.core.access;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The tokens and users of a registry at one moment, held in memory: authenticates with the same
 * rule as {@link TokenService#authenticate}, without a database read. Expiry is judged at the
 * moment of the call, not of the snapshot.
 */
public final class TokenSnapshot {
    private final Map<String, ApiToken> tokens;
    private final Map<String, User> users;
    private final Clock clock;

    TokenSnapshot(Map<String, ApiToken> tokens, Map<String, User> users, Clock clock) {
        this.tokens = Map.copyOf(tokens);
        this.users = Map.copyOf(users);
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The caller behind a presented token, with the roles the snapshot holds for them. */
    public Actor authenticate(String presented) {
        return Actor.of(TokenService.verify(presented, id -> Optional.ofNullable(tokens.get(id)),
                name -> Optional.ofNullable(users.get(name)), clock.instant()));
    }
}
