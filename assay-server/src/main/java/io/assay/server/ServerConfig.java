package io.assay.server;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How the server runs, read and checked in one place.
 *
 * <pre>
 * ASSAY_SERVER_HOST   interface to listen on (default 127.0.0.1)
 * ASSAY_SERVER_PORT   port (default 8321; 0 picks a free one)
 * ASSAY_PROFILE       embedded (default) or production
 * ASSAY_AUTH          on (default) or off; off is for a laptop only, production refuses it
 * </pre>
 *
 * @param localUser who a call without a token acts as when authentication is off
 */
public record ServerConfig(String host, int port, Profile profile, boolean authenticationRequired, Optional<String> localUser,
                           long maxBodyBytes) {
    public static final int DEFAULT_PORT = 8321;
    /** JSON bodies are small; a bigger one is refused before it is parsed (model files use the upload route). */
    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;

    public enum Profile {
        /** One machine, SQLite in the home: the demo and a data scientist's laptop. */
        EMBEDDED,
        /** A bank's deployment: PostgreSQL, authentication on, a real secret. */
        PRODUCTION
    }

    public ServerConfig {
        requireNonNull(host, "host is null");
        if (port < 0 || port > 65535) {
            throw AssayException.invalid("port " + port + " is not between 0 and 65535");
        }
        requireNonNull(profile, "profile is null");
        requireNonNull(localUser, "localUser is null");
        if (!authenticationRequired && localUser.isEmpty()) {
            throw new AssayException(ErrorCode.CONFIGURATION, "with authentication off, calls act as the local user; none is set");
        }
        if (!authenticationRequired && !isLoopback(host)) {
            throw new AssayException(ErrorCode.CONFIGURATION, "authentication off is for this machine only, but the server would listen on "
                    + Names.quoted(host) + "; listen on 127.0.0.1 or turn authentication on");
        }
        if (maxBodyBytes < 1024) {
            throw AssayException.invalid("the body limit " + maxBodyBytes + " is below 1 KiB");
        }
    }

    public static ServerConfig from(Map<String, String> variables, String localUser) {
        String host = value(variables, "ASSAY_SERVER_HOST").orElse("127.0.0.1");
        int port = value(variables, "ASSAY_SERVER_PORT").map(ServerConfig::port).orElse(DEFAULT_PORT);
        Profile profile = value(variables, "ASSAY_PROFILE").map(ServerConfig::profile).orElse(Profile.EMBEDDED);
        boolean authentication = value(variables, "ASSAY_AUTH").map(ServerConfig::onOrOff).orElse(true);
        return new ServerConfig(host, port, profile, authentication, Optional.of(localUser), DEFAULT_MAX_BODY_BYTES);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, profile, authenticationRequired, localUser, maxBodyBytes);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, profile, authenticationRequired, localUser, maxBodyBytes);
    }

    public ServerConfig withProfile(Profile newProfile) {
        return new ServerConfig(host, port, newProfile, authenticationRequired, localUser, maxBodyBytes);
    }

    public ServerConfig withAuthentication(boolean required) {
        return new ServerConfig(host, port, profile, required, localUser, maxBodyBytes);
    }

    public static int port(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new AssayException(ErrorCode.CONFIGURATION, "ASSAY_SERVER_PORT " + Names.quoted(value) + " is not a port number");
        }
    }

    public static Profile profile(String value) {
        try {
            return Profile.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AssayException(ErrorCode.CONFIGURATION, "profile " + Names.quoted(value) + " is neither embedded nor production");
        }
    }

    private static boolean onOrOff(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true", "1" -> true;
            case "off", "false", "0" -> false;
            default -> throw new AssayException(ErrorCode.CONFIGURATION, "ASSAY_AUTH " + Names.quoted(value) + " is neither on nor off");
        };
    }

    /**
     * Whether a host name or address stays on this machine: localhost, ::1, or an IPv4 literal in
     * 127.0.0.0/8. Regression: any name starting with "127." passed (127.attacker.example).
     */
    public static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || bare.equals("::1") || LOOPBACK_V4.matcher(bare).matches();
    }

    private static final java.util.regex.Pattern LOOPBACK_V4 =
            java.util.regex.Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");

    private static Optional<String> value(Map<String, String> variables, String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }
}
