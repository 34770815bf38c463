package io.assay.cli;

import io.assay.core.error.AssayException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssayConfigTest {
    @Test
    void defaults_are_an_embedded_home_in_the_users_folder_and_the_login_name() {
        AssayConfig config = AssayConfig.from(Map.of(), Optional.empty(), Optional.empty());

        assertThat(config.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".assay").toAbsolutePath());
        assertThat(config.database().isEmbedded()).isTrue();
        assertThat(config.actor()).isEqualTo(System.getProperty("user.name"));
        assertThat(config.pseudonymKey()).isEmpty();
    }

    @Test
    void every_variable_maps_to_its_setting_and_options_win_over_variables() {
        Map<String, String> variables = Map.of(
                "ASSAY_HOME", "/srv/assay",
                "ASSAY_DB_URL", "jdbc:postgresql://db.internal:5432/assay",
                "ASSAY_DB_USER", "assay",
                "ASSAY_DB_PASSWORD", "s3cret-password",
                "ASSAY_USER", "ops.robot",
                "ASSAY_PSEUDONYM_KEY", "ab".repeat(32));

        AssayConfig fromVariables = AssayConfig.from(variables, Optional.empty(), Optional.empty());
        assertThat(fromVariables.home()).isEqualTo(Path.of("/srv/assay"));
        assertThat(fromVariables.database().url()).isEqualTo("jdbc:postgresql://db.internal:5432/assay");
        assertThat(fromVariables.database().user()).isEqualTo("assay");
        assertThat(fromVariables.database().isEmbedded()).isFalse();
        assertThat(fromVariables.actor()).isEqualTo("ops.robot");
        assertThat(fromVariables.pseudonymKey()).contains("ab".repeat(32));
        assertThat(fromVariables.toString()).doesNotContain("s3cret-password").doesNotContain("ab".repeat(32));

        AssayConfig withOptions = AssayConfig.from(variables, Optional.of(Path.of("/tmp/other")), Optional.of("dana"));
        assertThat(withOptions.home()).isEqualTo(Path.of("/tmp/other"));
        assertThat(withOptions.actor()).isEqualTo("dana");
    }

    @Test
    void a_server_is_named_with_a_token_and_plain_http_only_on_this_machine() {
        assertThat(RemoteServer.from(Map.of(), Optional.empty(), Optional.empty())).isEmpty();
        assertThat(RemoteServer.from(Map.of("ASSAY_SERVER", "http://127.0.0.1:8321", "ASSAY_TOKEN", "t"), Optional.empty(), Optional.empty()))
                .hasValueSatisfying(server -> assertThat(server.toString()).doesNotContain("=t]"));
        assertThat(RemoteServer.from(Map.of(), Optional.of("https://assay.bank.internal/api"), Optional.of("t"))).isPresent();
        assertThatThrownBy(() -> RemoteServer.from(Map.of(), Optional.of("http://assay.bank.internal"), Optional.of("t")))
                .hasMessageContaining("use https");
        assertThatThrownBy(() -> RemoteServer.from(Map.of(), Optional.of("http://127.0.0.1:8321"), Optional.empty()))
                .hasMessageContaining("needs a token");
    }

    @Test
    void an_invalid_acting_user_is_refused_with_the_fix() {
        assertThatThrownBy(() -> AssayConfig.from(Map.of(), Optional.empty(), Optional.of("dana\nadmin")))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("--as or ASSAY_USER");
    }
}
