package io.assay.testing;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.ArtifactRef;
import io.assay.core.registry.ArtifactStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link ArtifactStore} does; extended once per implementation (in memory, filesystem). */
public abstract class ArtifactStoreContract {
    protected abstract ArtifactStore newStore();

    @Test
    void bytes_are_stored_once_under_their_sha256_in_as_many_writes_as_they_come() throws Exception {
        ArtifactStore store = newStore();
        byte[] model = "{\"trees\": [1, 2, 3]}".getBytes(StandardCharsets.UTF_8);

        ArtifactRef whole = store(store, model, model.length);
        ArtifactRef inPieces = store(store, model, 3);

        assertThat(inPieces).isEqualTo(whole);
        assertThat(whole.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model)));
        assertThat(whole.sizeBytes()).isEqualTo(model.length);
        assertThat(whole.format()).isEqualTo("xgboost-json");
        assertThat(store.sizeOf(whole.sha256())).contains((long) model.length);
        assertThat(store.read(whole.sha256())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(model));
    }

    @Test
    void nothing_is_stored_by_an_upload_that_is_abandoned_or_empty() {
        ArtifactStore store = newStore();
        byte[] model = "weights".getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(model);
        try (ArtifactStore.Upload upload = store.upload()) {
            upload.write(model, 0, model.length);
        }

        assertThat(store.sizeOf(sha256)).isEmpty();
        try (ArtifactStore.Upload empty = store.upload()) {
            assertThatThrownBy(() -> empty.commit("xgboost-json")).isInstanceOf(AssayException.class).hasMessageContaining("0 bytes")
                    .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Test
    void an_unknown_hash_is_absent_and_a_malformed_one_is_refused() {
        ArtifactStore store = newStore();

        assertThat(store.sizeOf("a".repeat(64))).isEmpty();
        assertThat(store.read("a".repeat(64))).isEmpty();
        assertThatThrownBy(() -> store.read("../x")).isInstanceOf(AssayException.class);
        assertThatThrownBy(() -> store.sizeOf("../../etc/passwd")).isInstanceOf(AssayException.class)
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        try (ArtifactStore.Upload upload = store.upload()) {
            upload.write(new byte[] {1}, 0, 1);
            assertThatThrownBy(() -> upload.commit("not a format!")).isInstanceOf(AssayException.class);
        }
    }

    private static ArtifactRef store(ArtifactStore store, byte[] bytes, int piece) {
        try (ArtifactStore.Upload upload = store.upload()) {
            for (int offset = 0; offset < bytes.length; offset += piece) {
                upload.write(bytes, offset, Math.min(piece, bytes.length - offset));
            }
            return upload.commit("xgboost-json");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
