package io.assay.cli;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.store.DatabaseConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Everything the command is configured with, read and checked in one place: the home folder,
 * the metadata database, who is acting, and the pseudonymisation key (never printed).
 *
 * <pre>
 * ASSAY_HOME            home folder (default ~/.assay; --home wins)
 * ASSAY_DB_URL          jdbc:postgresql://… for production metadata (default: embedded SQLite in the home)
 * ASSAY_DB_USER         database user
 * ASSAY_DB_PASSWORD     database password
 * ASSAY_USER            who is acting (default: the operating-system user; --as wins)
 * ASSAY_PSEUDONYM_KEY   pseudonymisation key as hex (default: key file in the home, made on first use)
 * </pre>
 */
public record AssayConfig(Path home, DatabaseConfig database, String actor, Optional<String> pseudonymKey) {
    public AssayConfig {
        requireNonNull(home, "home is null");
        requireNonNull(database, "database is null");
        Names.requireUserName(actor);
        requireNonNull(pseudonymKey, "pseudonymKey is null");
    }

    public static AssayConfig from(Map<String, String> variables, Optional<Path> homeOption, Optional<String> actorOption) {
        Path home = homeOption
                .or(() -> nonBlank(variables, "ASSAY_HOME").map(Path::of))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".assay"))
                .toAbsolutePath().normalize();
        DatabaseConfig database = nonBlank(variables, "ASSAY_DB_URL")
                .map(url -> new DatabaseConfig(url, variables.getOrDefault("ASSAY_DB_USER", ""),
                        variables.getOrDefault("ASSAY_DB_PASSWORD", "")))
                .orElseGet(() -> DatabaseConfig.embedded(home));
        String actor = actorOption
                .or(() -> nonBlank(variables, "ASSAY_USER"))
                .orElseGet(() -> System.getProperty("user.name", "unknown"));
        try {
            return new AssayConfig(home, database, actor, nonBlank(variables, "ASSAY_PSEUDONYM_KEY"));
        } catch (AssayException e) {
            throw new AssayException(ErrorCode.CONFIGURATION, "the acting user is not valid (set --as or ASSAY_USER): " + e.getMessage());
        }
    }

    public AssayConfig withHome(Path newHome) {
        return new AssayConfig(newHome, DatabaseConfig.embedded(newHome), actor, pseudonymKey);
    }

    /** Never prints the key or the database password. */
    @Override
    public String toString() {
        return "AssayConfig[home=" + home + ", database=" + database.describe() + ", actor=" + actor
                + ", pseudonymKey=" + (pseudonymKey.isPresent() ? "(from ASSAY_PSEUDONYM_KEY)" : "(key file)") + "]";
    }

    private static Optional<String> nonBlank(Map<String, String> variables, String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }
}
