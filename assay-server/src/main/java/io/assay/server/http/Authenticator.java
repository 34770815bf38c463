package io.assay.server.http;

import io.assay.core.access.TokenService;
import io.assay.core.access.User;
import io.assay.core.access.UserService;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.javalin.http.Context;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Who is calling: the active user behind the bearer token. With authentication switched off
 * (embedded profile only; production refuses it) a call without a token acts as the local user,
 * the same person the CLI acts as on this home.
 */
final class Authenticator {
    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    private final UserService users;
    private final Optional<String> localUserWhenAuthOff;

    Authenticator(TokenService tokens, UserService users, Optional<String> localUserWhenAuthOff) {
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.users = requireNonNull(users, "users is null");
        this.localUserWhenAuthOff = requireNonNull(localUserWhenAuthOff, "localUserWhenAuthOff is null");
    }

    /** The token of an Authorization header, which must be present and say {@code Bearer <token>}. */
    static String bearer(String header) {
        if (header == null) {
            throw new AssayException(ErrorCode.UNAUTHENTICATED, "this route needs a token: send 'Authorization: Bearer <token>'");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AssayException(ErrorCode.UNAUTHENTICATED, "the Authorization header must be 'Bearer <token>'");
        }
        return header.substring(BEARER.length());
    }

    User authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            return tokens.authenticate(bearer(header));
        }
        if (localUserWhenAuthOff.isPresent()) {
            // Without tokens only this machine may call; a web page reached through another host name (DNS rebinding) may not.
            String host = String.valueOf(ctx.header("Host")).replaceFirst(":\\d+$", "");
            if (!io.assay.server.ServerConfig.isLoopback(host)) {
                throw new AssayException(ErrorCode.UNAUTHENTICATED, "authentication is off, so only calls addressed to this machine "
                        + "(localhost, 127.0.0.1) are taken without a token");
            }
            // A web page open in a browser on this machine can send simple requests here too (a form post, a text
            // body); browsers say so in Origin and Sec-Fetch-Site, which the CLI and other programs do not send.
            String site = ctx.header("Sec-Fetch-Site");
            if (ctx.header("Origin") != null || (site != null && !site.equals("none"))) {
                throw new AssayException(ErrorCode.UNAUTHENTICATED, "a call from a web page needs a token, even with authentication off");
            }
            return users.find(localUserWhenAuthOff.get()).filter(User::active).orElseThrow(() -> new AssayException(
                    ErrorCode.UNAUTHENTICATED, "authentication is off, but the local user is not an active user of this home"));
        }
        throw new AssayException(ErrorCode.UNAUTHENTICATED, "this route needs a token: send 'Authorization: Bearer <token>'");
    }
}
