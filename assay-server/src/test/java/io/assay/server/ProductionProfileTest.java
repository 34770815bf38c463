package io.assay.server;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.store.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionProfileTest {
    static final DatabaseConfig POSTGRES = new DatabaseConfig("jdbc:postgresql://db.bank.internal:5432/assay", "assay", "s3cret");
    static final String RANDOM_KEY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path home;

    private static ServerConfig production() {
        return ServerConfig.from(Map.of("ASSAY_PROFILE", "production"), "ops");
    }

    @Test
    void defaults_are_an_embedded_server_on_localhost_with_authentication() {
        ServerConfig config = ServerConfig.from(Map.of(), "dana");
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(ServerConfig.DEFAULT_PORT);
        assertThat(config.profile()).isEqualTo(ServerConfig.Profile.EMBEDDED);
        assertThat(config.authenticationRequired()).isTrue();
    }

    @Test
    void every_variable_is_read() {
        ServerConfig config = ServerConfig.from(Map.of("ASSAY_SERVER_HOST", "localhost", "ASSAY_SERVER_PORT", "9000",
                "ASSAY_PROFILE", "Production", "ASSAY_AUTH", "off"), "dana");
        assertThat(config).isEqualTo(new ServerConfig("localhost", 9000, ServerConfig.Profile.PRODUCTION, false, Optional.of("dana"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES));
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ASSAY_SERVER_HOST", "0.0.0.0", "ASSAY_AUTH", "off"), "dana"))
                .hasMessageContaining("authentication off is for this machine only");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ASSAY_AUTH", "maybe"), "dana")).hasMessageContaining("neither on nor off");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("ASSAY_SERVER_PORT", "http"), "dana")).hasMessageContaining("not a port");
    }

    @Test
    void production_starts_only_with_postgres_authentication_and_a_real_secret() {
        ProductionProfile.check(production(), POSTGRES, Optional.of(RANDOM_KEY));
        assertThat(ProductionProfile.problems(production(), DatabaseConfig.embedded(home), Optional.of(RANDOM_KEY)))
                .singleElement().asString().contains("production needs PostgreSQL");
        assertThat(ProductionProfile.problems(production().withAuthentication(false), POSTGRES, Optional.of(RANDOM_KEY)))
                .singleElement().asString().contains("authentication is off");
        assertThat(ProductionProfile.problems(production(), POSTGRES, Optional.empty())).singleElement().asString().contains("not set");
        assertThat(ProductionProfile.problems(production(), POSTGRES, Optional.of("00ff00ff"))).singleElement().asString()
                .contains("holds 4 bytes");
        assertThat(ProductionProfile.problems(production(), POSTGRES, Optional.of("6368616e67656d65".repeat(4)))).singleElement()
                .asString().contains("placeholder");
    }

    @Test
    void a_refused_production_start_names_every_problem_and_touches_nothing() {
        assertThatThrownBy(() -> ServerApp.start(production().withAuthentication(false).withPort(0), DatabaseConfig.embedded(home), home,
                Optional.empty(), Clock.systemUTC(), "test", line -> { }))
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("PostgreSQL").hasMessageContaining("authentication is off").hasMessageContaining("ASSAY_PSEUDONYM_KEY");
        assertThat(home.resolve("metadata")).doesNotExist();
    }

    @Test
    void the_embedded_server_writes_an_owner_only_admin_token_on_first_start_and_keeps_it_after() throws Exception {
        StringBuilder notices = new StringBuilder();
        String first;
        try (TestServer server = TestServer.start(home)) {
            first = server.adminToken;
            assertThat(server.http.get("/api/v1/me", first).json().path("roles").get(0).asText()).isEqualTo("ADMIN");
        }
        assertThat(Files.getPosixFilePermissions(home.resolve(AdminToken.FILE_NAME))).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        try (ServerApp again = ServerApp.start(ServerConfig.from(Map.of(), "root.admin").withPort(0), DatabaseConfig.embedded(home), home,
                Optional.empty(), Clock.systemUTC(), "test", notices::append)) {
            assertThat(notices).contains("The admin token is in " + home.resolve(AdminToken.FILE_NAME));
            assertThat(new Http(again.port()).get("/api/v1/health", null).json().path("status").asText()).isEqualTo("UP");
        }
        assertThat(Files.readString(home.resolve(AdminToken.FILE_NAME)).strip()).isEqualTo(first);
    }
}
