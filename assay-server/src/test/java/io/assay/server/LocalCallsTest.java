package io.assay.server;

import io.assay.store.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as this machine, and what a server with authentication off takes without a token. */
class LocalCallsTest {
    @TempDir
    Path home;

    /** Regression: any host name starting with "127." counted as this machine (127.attacker.example). */
    @Test
    void only_real_loopback_addresses_are_this_machine() {
        assertThat(ServerConfig.isLoopback("127.0.0.1")).isTrue();
        assertThat(ServerConfig.isLoopback("127.255.0.9")).isTrue();
        assertThat(ServerConfig.isLoopback("localhost")).isTrue();
        assertThat(ServerConfig.isLoopback("[::1]")).isTrue();
        assertThat(ServerConfig.isLoopback("127.attacker.example")).isFalse();
        assertThat(ServerConfig.isLoopback("127.0.0.1.nip.io")).isFalse();
        assertThat(ServerConfig.isLoopback("10.0.0.1")).isFalse();
    }

    /** Regression: with authentication off, a web page open on this machine could post to the server as the local user. */
    @Test
    void with_authentication_off_a_call_from_a_web_page_still_needs_a_token() throws Exception {
        ServerConfig config = ServerConfig.from(Map.of(), "root.admin").withPort(0).withAuthentication(false);
        try (ServerApp app = ServerApp.start(config, DatabaseConfig.embedded(home), home, Optional.empty(), Clock.systemUTC(), "test",
                line -> { })) {
            HttpClient client = HttpClient.newHttpClient();
            URI me = URI.create("http://127.0.0.1:" + app.port() + "/api/v1/me");

            HttpResponse<String> fromCli = client.send(HttpRequest.newBuilder(me).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> fromPage = client.send(HttpRequest.newBuilder(me).header("Origin", "https://evil.example").build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(fromCli.statusCode()).isEqualTo(200);
            assertThat(fromPage.statusCode()).isEqualTo(401);
            assertThat(fromPage.body()).contains("a call from a web page needs a token");
        }
    }
}
