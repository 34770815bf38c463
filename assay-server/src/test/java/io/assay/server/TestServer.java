package io.assay.server;

import io.assay.core.access.Role;
import io.assay.store.DatabaseConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real server on a free port over an embedded home in a temporary folder, with one user and
 * token per role, all made through the API with the admin token of the first start.
 */
final class TestServer implements AutoCloseable {
    final Path home;
    final ServerApp app;
    final Http http;
    final String adminToken;
    final Map<Role, String> tokenOf = new EnumMap<>(Role.class);

    private TestServer(Path home, ServerApp app) throws IOException {
        this.home = home;
        this.app = app;
        this.http = new Http(app.port());
        this.adminToken = Files.readString(home.resolve(AdminToken.FILE_NAME)).strip();
    }

    static TestServer start(Path home) throws IOException {
        ServerConfig config = ServerConfig.from(Map.of(), "root.admin").withPort(0);
        ServerApp app = ServerApp.start(config, DatabaseConfig.embedded(home), home, Optional.empty(), Clock.systemUTC(), "test",
                line -> { });
        return new TestServer(home, app);
    }

    /** Adds a user with these roles and returns a fresh token of theirs. */
    String userWith(String name, Role... roles) {
        String roleList = Http.json(List.of(roles).stream().map(Role::name).toList());
        Http.Response added = http.post("/api/v1/users", adminToken, "{\"name\":\"" + name + "\",\"roles\":" + roleList + "}");
        if (added.status() != 201) {
            throw new AssertionError("cannot add " + name + ": " + added.body());
        }
        return tokenFor(name);
    }

    /** A person's token, made by that person on the server's home, as a person makes their own (an admin may not). */
    String tokenFor(String name) {
        try (io.assay.store.Database database = io.assay.store.Database.open(DatabaseConfig.embedded(home))) {
            return new io.assay.core.access.TokenService(database.registryStore(), Clock.systemUTC())
                    .create(name, name, "test", Optional.empty(), "test").secret();
        }
    }

    /** One user per role (ADMIN is the first-start admin). */
    TestServer withOnePersonPerRole() {
        tokenOf.put(Role.ADMIN, adminToken);
        for (Role role : Role.values()) {
            if (role != Role.ADMIN) {
                tokenOf.put(role, userWith(role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '.'), role));
            }
        }
        return this;
    }

    @Override
    public void close() {
        app.close();
    }
}
