package io.assay.store;

import io.assay.core.access.ApiToken;
import io.assay.core.access.Role;
import io.assay.core.access.User;
import io.assay.core.error.AssayException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The users and api_tokens tables: who may act, and the hashed secrets they act with. */
final class AccessRows {
    private static final String USER_COLUMNS = "name, roles, created_by, created_at, active";
    private static final String TOKEN_COLUMNS = "id, user_name, label, secret_sha256, created_by, created_at, expires_at, revoked_at";

    private AccessRows() {}

    static Optional<User> findUser(Sql sql, String name) {
        return sql.queryOne("SELECT " + USER_COLUMNS + " FROM users WHERE name = ?", row -> user(sql, row), name);
    }

    static List<User> listUsers(Sql sql) {
        return sql.query("SELECT " + USER_COLUMNS + " FROM users ORDER BY name", row -> user(sql, row));
    }

    static boolean anyUser(Sql sql) {
        return !sql.query("SELECT name FROM users LIMIT 1", row -> row.getString(1)).isEmpty();
    }

    static void insertUser(Sql sql, User user) {
        sql.insert("INSERT INTO users (" + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?)", "user " + user.name() + " already exists",
                user.name(), names(user.roles()), user.createdBy(), user.createdAt(), user.active());
    }

    static void updateUser(Sql sql, User user) {
        if (sql.update("UPDATE users SET roles = ?, active = ? WHERE name = ?", names(user.roles()), user.active(), user.name()) == 0) {
            throw AssayException.notFound("no user " + user.name());
        }
    }

    static Optional<ApiToken> findToken(Sql sql, String id) {
        return sql.queryOne("SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE id = ?", row -> token(sql, row), id);
    }

    /** The tokens of one user (or of everyone), newest first. */
    static List<ApiToken> listTokens(Sql sql, Optional<String> user) {
        String order = " ORDER BY created_at DESC, id";
        return user.isPresent()
                ? sql.query("SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE user_name = ?" + order, row -> token(sql, row), user.get())
                : sql.query("SELECT " + TOKEN_COLUMNS + " FROM api_tokens" + order, row -> token(sql, row));
    }

    static void insertToken(Sql sql, ApiToken t) {
        sql.insert("INSERT INTO api_tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "token " + t.id() + " already exists",
                t.id(), t.user(), t.label(), t.secretSha256(), t.createdBy(), t.createdAt(), t.expiresAt().orElse(null),
                t.revokedAt().orElse(null));
    }

    /** Records a revocation, the only change a token undergoes. */
    static void updateToken(Sql sql, ApiToken t) {
        if (sql.update("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", t.revokedAt().orElse(null), t.id()) == 0) {
            throw AssayException.notFound("no token " + t.id());
        }
    }

    /** Role names as stored: comma-separated, sorted. */
    static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> roles(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (!names.isEmpty()) {
            Arrays.stream(names.split(",")).forEach(name -> roles.add(Role.valueOf(name)));
        }
        return roles;
    }

    private static User user(Sql sql, ResultSet row) throws SQLException {
        return new User(row.getString("name"), roles(row.getString("roles")), row.getString("created_by"),
                sql.instant(row, "created_at"), row.getBoolean("active"));
    }

    private static ApiToken token(Sql sql, ResultSet row) throws SQLException {
        return new ApiToken(row.getString("id"), row.getString("user_name"), row.getString("label"), row.getString("secret_sha256"),
                row.getString("created_by"), sql.instant(row, "created_at"), sql.optionalInstant(row, "expires_at"),
                sql.optionalInstant(row, "revoked_at"));
    }
}
