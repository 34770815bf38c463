package io.assay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 'assay server' as a user runs it: a separate process on a home, its admin token file, the CLI
 * against it with --server, a refused production start, and a clean stop on SIGTERM.
 */
class ServerIT {
    private static final Pattern ADDRESS = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path home;

    @Test
    void the_server_runs_on_a_home_serves_the_cli_and_stops_cleanly() throws Exception {
        Path log = home.resolve("server.log");
        Files.createDirectories(home);
        Process server = Launcher.builder(home, Map.of("ASSAY_USER", "ops.admin"), "server", "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String url = awaitAddress(log, server);
            String token = Files.readString(home.resolve("admin-token")).strip();
            assertThat(Files.getPosixFilePermissions(home.resolve("admin-token"))).hasSize(2);

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            Map<String, String> remote = Map.of("ASSAY_SERVER", url, "ASSAY_TOKEN", token);
            Launcher.Result added = Launcher.run(home.resolve("elsewhere"), remote, 120, "users", "add", "mo", "--roles", "MLOPS");
            assertThat(added.exitCode()).as(added.err()).isZero();
            Launcher.Result listed = Launcher.run(home.resolve("elsewhere"), remote, 120, "users", "list");
            assertThat(listed.out()).contains("ops.admin").contains("mo ");
            Launcher.Result wrongToken = Launcher.run(home.resolve("elsewhere"), Map.of("ASSAY_SERVER", url, "ASSAY_TOKEN", "assay_nope"),
                    120, "models", "list");
            assertThat(wrongToken.exitCode()).isEqualTo(4);
            assertThat(wrongToken.err()).contains("UNAUTHENTICATED");
            // The data environment is reached through the server too, under the same rules: the admin reads no data catalog.
            Launcher.Result dataRemotely = Launcher.run(home.resolve("elsewhere"), remote, 120, "data", "snapshots");
            assertThat(dataRemotely.exitCode()).isEqualTo(4);
            assertThat(dataRemotely.err()).contains("ops.admin may not read the data catalog");
            Launcher.Result steward = Launcher.run(home.resolve("elsewhere"), remote, 120, "users", "add", "sam", "--roles", "DATA_STEWARD");
            assertThat(steward.exitCode()).as(steward.err()).isZero();
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
        }
        Launcher.Result afterwards = Launcher.run(home, Map.of("ASSAY_USER", "ops.admin"), 120, "users", "list");
        assertThat(afterwards.out()).contains("mo ");
    }

    @Test
    void the_production_profile_refuses_the_embedded_database_and_says_why() throws Exception {
        Launcher.Result refused = Launcher.run(home, Map.of("ASSAY_AUTH", "off"), 120, "server", "--port", "0", "--profile", "production");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("CONFIGURATION").contains("production needs PostgreSQL")
                .contains("authentication is off");
        assertThat(home.resolve("admin-token")).doesNotExist();
    }

    private static String awaitAddress(Path log, Process server) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            Matcher address = ADDRESS.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (address.find()) {
                return address.group(1);
            }
            if (!server.isAlive()) {
                throw new AssertionError("the server stopped: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not say where it listens: " + Files.readString(log));
    }
}
