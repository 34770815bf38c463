package io.assay.store;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Where the metadata lives: an embedded H2 file in the Assay home by default, PostgreSQL in
 * production. The password never appears in {@link #toString()} or {@link #describe()}.
 */
public record DatabaseConfig(String url, String user, String password) {
    public DatabaseConfig {
        requireNonNull(url, "url is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new AssayException(ErrorCode.CONFIGURATION, "database URL " + describe(url)
                    + " is not supported; use jdbc:postgresql://host:port/database (or jdbc:h2: for embedded)");
        }
    }

    /**
     * The embedded H2 file database of a home. AUTO_SERVER lets a second process (a CLI command
     * beside a running server) open the same file; LOCK_TIMEOUT lets a writer wait for the audit
     * chain's lock as long as it would on PostgreSQL instead of failing after H2's default second.
     */
    public static DatabaseConfig embedded(Path home) {
        Path file = home.toAbsolutePath().normalize().resolve("metadata").resolve("assay");
        return new DatabaseConfig("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=30000", "sa", "");
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials or options, for messages and logs. */
    public String describe() {
        return (isEmbedded() ? "embedded H2 " : "PostgreSQL ") + describe(url) + (user.isEmpty() ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + describe() + ", password=" + (password.isEmpty() ? "(none)" : "(set)") + "]";
    }

    private static String describe(String url) {
        String withoutOptions = url.replaceAll("[;?].*$", "");
        return withoutOptions.replaceAll("//[^/@]*@", "//");
    }
}
