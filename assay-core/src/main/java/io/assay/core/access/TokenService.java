package io.assay.core.access;

import io.assay.core.audit.AuditEntry;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.AuditedChanges;
import io.assay.core.registry.RegistryStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * API tokens: an ADMIN issues one for a user and sees its secret once; Assay keeps only the
 * secret's SHA-256. A presented token authenticates as its user while it is live and the user
 * is active; every failure looks the same to the caller, so a guess learns nothing.
 */
public final class TokenService {
    /** {@code assay_<id>_<secret>}: the id finds the record, the secret proves possession. */
    private static final Pattern FORMAT = Pattern.compile("assay_([a-z0-9]{16})_([A-Za-z0-9_-]{43})");
    private static final String UNAUTHENTICATED = "the token is not valid (unknown, revoked, expired, or its user is inactive)";

    /** A new token with the secret the caller must hand over now: it is not stored anywhere. */
    public record Issued(ApiToken token, String secret) {
    }

    private final RegistryStore store;
    private final Clock clock;
    private final AuditedChanges changes;
    private final Supplier<byte[]> randomBytes;

    public TokenService(RegistryStore store, Clock clock) {
        this(store, clock, TokenService::secureRandomBytes);
    }

    /** @param randomBytes 32 fresh random bytes per call (injected so tests are repeatable) */
    public TokenService(RegistryStore store, Clock clock, Supplier<byte[]> randomBytes) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.changes = new AuditedChanges(store, clock);
        this.randomBytes = requireNonNull(randomBytes, "randomBytes is null");
    }

    public Issued create(String actorName, String user, String label, Optional<Instant> expiresAt, String requestId) {
        Names.requireUserName(user);
        return changes.run(actorName, "token.create", "user:" + user, requestId, tx -> {
            Actor actor = tx.activeActor(actorName);
            User holder = tx.findUser(user).filter(User::active).orElseThrow(() -> AssayException.notFound("no active user "
                    + Names.quoted(user)));
            requireMayIssue(actor, holder);
            Instant now = changes.now();
            expiresAt.filter(at -> !at.isAfter(now)).ifPresent(at -> {
                throw AssayException.invalid("token expiry " + at + " is not in the future");
            });
            byte[] random = randomBytes.get();
            String id = HexFormat.of().formatHex(random, 0, 8);
            String secret = "assay_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            ApiToken token = new ApiToken(id, user, label, sha256(secret), actorName, now, expiresAt, Optional.empty());
            tx.insertToken(token);
            tx.appendAudit(new AuditEntry(now, actorName, "token.create", "user:" + user, "-", "token " + id,
                    "label " + Names.quoted(token.label()) + expiresAt.map(at -> ", expires " + at).orElse(", no expiry"), requestId));
            return new Issued(token, secret);
        });
    }

    public ApiToken revoke(String actorName, String tokenId, String requestId) {
        return changes.run(actorName, "token.revoke", "token:" + Names.requireText("token id", tokenId, 64), requestId, tx -> {
            Actor actor = tx.activeActor(actorName);
            ApiToken token = tx.findToken(tokenId).orElseThrow(() -> AssayException.notFound("no token " + Names.quoted(tokenId)));
            // Anyone may give up a token of their own; an admin may revoke anyone's.
            if (!token.user().equals(actorName)) {
                Permission.MANAGE_ACCESS.require(actor);
            }
            if (token.revokedAt().isPresent()) {
                throw new AssayException(ErrorCode.ALREADY_DONE, "token " + tokenId + " was revoked already, at " + token.revokedAt().get()
                        + "; nothing changed");
            }
            ApiToken revoked = token.withRevokedAt(changes.now());
            tx.updateToken(revoked);
            tx.appendAudit(new AuditEntry(changes.now(), actorName, "token.revoke", "user:" + token.user(), "token " + tokenId,
                    "revoked", "revoked by " + actorName, requestId));
            return revoked;
        });
    }

    /** The active user a presented token stands for. */
    public User authenticate(String presented) {
        return verify(presented, store::findToken, store::findUser, clock.instant());
    }

    /**
     * Every token and user as they are now, to authenticate with from memory: a scoring-only
     * process reloads one each second instead of reading the database per request, so a revoked
     * token or a deactivated user stops working within that second.
     */
    public TokenSnapshot snapshot() {
        Map<String, ApiToken> tokens = new HashMap<>();
        for (ApiToken token : store.listTokens(Optional.empty())) {
            tokens.put(token.id(), token);
        }
        Map<String, User> users = new HashMap<>();
        for (User user : store.listUsers()) {
            users.put(user.name(), user);
        }
        return new TokenSnapshot(tokens, users, clock);
    }

    /** The one rule, from the database or from a snapshot: a well-formed token whose secret matches, live, of an active user. */
    static User verify(String presented, Function<String, Optional<ApiToken>> tokens, Function<String, Optional<User>> users,
                       Instant now) {
        Matcher parts = presented == null ? null : FORMAT.matcher(presented.strip());
        if (parts == null || !parts.matches()) {
            throw new AssayException(ErrorCode.UNAUTHENTICATED, UNAUTHENTICATED);
        }
        Optional<ApiToken> token = tokens.apply(parts.group(1));
        byte[] presentedHash = sha256(presented.strip()).getBytes(StandardCharsets.US_ASCII);
        byte[] storedHash = token.map(t -> t.secretSha256().getBytes(StandardCharsets.US_ASCII)).orElse(new byte[64]);
        boolean matches = MessageDigest.isEqual(presentedHash, storedHash);
        return token.filter(t -> matches && t.isLiveAt(now))
                .flatMap(t -> users.apply(t.user()))
                .filter(User::active)
                .orElseThrow(() -> new AssayException(ErrorCode.UNAUTHENTICATED, UNAUTHENTICATED));
    }

    public List<ApiToken> list(Optional<String> user) {
        return store.listTokens(user);
    }

    /** The tokens as one person may see them (never their secrets): an ADMIN lists everyone's, anyone their own. */
    public List<ApiToken> listAs(String actorName, Optional<String> user) {
        Actor actor = store.activeActor(actorName);
        if (!user.equals(Optional.of(actorName))) {
            Permission.MANAGE_ACCESS.require(actor);
        }
        return store.listTokens(user);
    }

    /**
     * Who may hold a token made by whom. A person's token is made by that person, so nobody,
     * an admin included, holds a secret that acts as someone else: segregation of duties would
     * otherwise be one token away. An admin makes the tokens of business applications (users
     * holding APP alone), which have no one to make their own.
     */
    private static void requireMayIssue(Actor actor, User holder) {
        if (actor.name().equals(holder.name())) {
            return;
        }
        if (!Permission.MANAGE_ACCESS.grantedTo(actor)) {
            throw new AssayException(ErrorCode.SEGREGATION_OF_DUTIES, actor.name() + " may make only their own tokens; a token of "
                    + holder.name() + "'s is " + holder.name() + "'s to make");
        }
        if (!holder.roles().equals(java.util.Set.of(Role.APP))) {
            throw new AssayException(ErrorCode.SEGREGATION_OF_DUTIES, actor.name() + " may not make a token for " + holder.name()
                    + ": a person makes their own (" + holder.name() + " runs 'assay --as " + holder.name() + " tokens create --user "
                    + holder.name() + "' on the server's home, or calls POST /api/v1/tokens with a token of theirs); an admin makes "
                    + "tokens for applications (users holding APP alone)");
        }
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static byte[] secureRandomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
