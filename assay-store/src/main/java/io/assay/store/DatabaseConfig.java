package io.assay.store;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Where the metadata lives: an embedded SQLite file in the Assay home by default, PostgreSQL in
 * production. The password never appears in {@link #toString()} or {@link #describe()}.
 */
public record DatabaseConfig(String url, String user, String password) {
    private static final String SQLITE = "jdbc:sqlite:";

    public DatabaseConfig {
        requireNonNull(url, "url is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        if (!url.startsWith(SQLITE) && !url.startsWith("jdbc:postgresql:")) {
            throw new AssayException(ErrorCode.CONFIGURATION, "database URL " + describe(url)
                    + " is not supported; use jdbc:postgresql://host:port/database (or jdbc:sqlite:FILE for embedded)");
        }
    }

    /**
     * The embedded SQLite file of a home. SQLite lets a second process (a CLI command beside a
     * running server) use the same file, and a commit is on disk before it returns (see
     * {@link Database}).
     */
    public static DatabaseConfig embedded(Path home) {
        return new DatabaseConfig(SQLITE + embeddedFile(home), "", "");
    }

    /** Where a home keeps its embedded metadata. */
    public static Path embeddedFile(Path home) {
        return home.toAbsolutePath().normalize().resolve("metadata").resolve("assay.db");
    }

    public boolean isEmbedded() {
        return url.startsWith(SQLITE);
    }

    public SqlDialect dialect() {
        return isEmbedded() ? SqlDialect.SQLITE : SqlDialect.POSTGRESQL;
    }

    /** The embedded database file (embedded configurations only). */
    Path file() {
        return Path.of(url.substring(SQLITE.length()).replaceAll("[?].*$", ""));
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials or options, for messages and logs. */
    public String describe() {
        return (isEmbedded() ? "embedded SQLite " : "PostgreSQL ") + describe(url) + (user.isEmpty() ? "" : " as " + user);
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
