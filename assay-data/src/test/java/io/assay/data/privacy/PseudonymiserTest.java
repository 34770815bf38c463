package io.assay.data.privacy;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymiserTest {
    private static final String HEX_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void tokens_are_the_keyed_hmac_sha256_of_domain_and_value() throws Exception {
        PseudonymKey key = PseudonymKey.of(HexFormat.of().parseHex(HEX_KEY));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(HEX_KEY), "HmacSHA256"));
        byte[] expected = mac.doFinal("customer\u0000C00000001".getBytes(StandardCharsets.UTF_8));

        String token = new Pseudonymiser(key).token("customer", "C00000001");

        assertThat(token).isEqualTo(HexFormat.of().formatHex(Arrays.copyOf(expected, 16)));
    }

    @Test
    void the_same_customer_gets_the_same_token_every_day_and_other_domains_or_keys_differ() {
        PseudonymKey key = PseudonymKey.of(HexFormat.of().parseHex(HEX_KEY));
        String monday = new Pseudonymiser(key).token("customer", "C00000001");
        String tuesday = new Pseudonymiser(key).token("customer", "C00000001");
        assertThat(monday).isEqualTo(tuesday).hasSize(32).doesNotContain("C00000001");
        assertThat(new Pseudonymiser(key).token("iban", "C00000001")).isNotEqualTo(monday);
        PseudonymKey other = PseudonymKey.of(HexFormat.of().parseHex(HEX_KEY.replace('0', '1')));
        assertThat(new Pseudonymiser(other).token("customer", "C00000001")).isNotEqualTo(monday);
    }

    /** Runs of one value, repeats after others, and a second domain in between: the caches never change a token. */
    @Property(tries = 200)
    void a_token_from_the_caches_equals_one_computed_afresh(@ForAll List<@IntRange(min = 0, max = 4) Integer> picks) {
        PseudonymKey key = PseudonymKey.of(HexFormat.of().parseHex(HEX_KEY));
        Pseudonymiser cached = new Pseudonymiser(key);
        for (int pick : picks) {
            String value = "C0000000" + pick;
            String domain = pick % 2 == 0 ? "customer" : "iban";
            assertThat(cached.token(domain, value)).isEqualTo(new Pseudonymiser(key).token(domain, value));
        }
    }

    @Test
    void a_key_file_is_created_owner_only_and_reused(@TempDir Path home) throws Exception {
        Path keyFile = home.resolve("keys/pseudonym.key");
        PseudonymKey first = PseudonymKey.resolve(Optional.empty(), keyFile);
        PseudonymKey second = PseudonymKey.resolve(Optional.empty(), keyFile);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(first.keyId()).isEqualTo(second.keyId());
        assertThat(first.toString()).doesNotContain(Files.readString(keyFile).strip());
    }

    @Test
    void a_key_file_others_can_read_is_refused_with_the_fix(@TempDir Path home) throws Exception {
        Path keyFile = home.resolve("pseudonym.key");
        Files.writeString(keyFile, HEX_KEY);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> PseudonymKey.resolve(Optional.empty(), keyFile))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("chmod 600")
                .hasMessageNotContaining(HEX_KEY)
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
    }

    @Test
    void a_key_from_the_environment_wins_and_a_bad_one_is_refused_without_echoing_it(@TempDir Path home) {
        PseudonymKey fromEnvironment = PseudonymKey.resolve(Optional.of(HEX_KEY), home.resolve("unused.key"));
        assertThat(fromEnvironment.keyId()).isEqualTo(PseudonymKey.of(HexFormat.of().parseHex(HEX_KEY)).keyId());
        assertThat(home.resolve("unused.key")).doesNotExist();

        assertThatThrownBy(() -> PseudonymKey.resolve(Optional.of("not-hex-secret-value"), home.resolve("k")))
                .hasMessageNotContaining("not-hex-secret-value").hasMessageContaining("hex");
        assertThatThrownBy(() -> PseudonymKey.resolve(Optional.of("abcd"), home.resolve("k")))
                .hasMessageContaining("shorter than 32 bytes");
    }
}
