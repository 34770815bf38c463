package io.assay.store;

import io.assay.core.error.AssayException;
import io.assay.core.registry.ArtifactRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileArtifactStoreTest extends io.assay.testing.ArtifactStoreContract {
    @TempDir
    Path home;

    @Override
    protected io.assay.core.registry.ArtifactStore newStore() {
        return new FileArtifactStore(home.resolve("artifacts"));
    }

    @Test
    void stores_an_artifact_under_its_sha256_once_and_finds_it_intact() throws Exception {
        FileArtifactStore store = new FileArtifactStore(home.resolve("artifacts"));
        Path model = Files.writeString(home.resolve("model.json"), "{\"trees\": []}");

        ArtifactRef first = store.put(model, "xgboost-json");
        ArtifactRef second = store.put(model, "xgboost-json");

        assertThat(first).isEqualTo(second);
        assertThat(first.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model))));
        assertThat(first.sizeBytes()).isEqualTo(Files.size(model));
        assertThat(store.find(first.sha256())).hasValueSatisfying(path -> assertThat(path).hasContent("{\"trees\": []}"));
        assertThat(home.resolve("artifacts/tmp")).isEmptyDirectory();
    }

    @Test
    void a_failed_copy_leaves_no_partial_file() throws Exception {
        FileArtifactStore store = new FileArtifactStore(home.resolve("artifacts"));
        Path unreadable = Files.writeString(home.resolve("secret.bin"), "weights");
        unreadable.toFile().setReadable(false);
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(unreadable), "running as a user who reads everything");

        assertThatThrownBy(() -> store.put(unreadable, "xgboost-json")).isInstanceOf(AssayException.class);
        assertThat(home.resolve("artifacts/tmp")).isEmptyDirectory();
    }

    @Test
    void a_tampered_artifact_is_reported_corrupt_and_an_empty_file_is_refused() throws Exception {
        FileArtifactStore store = new FileArtifactStore(home.resolve("artifacts"));
        ArtifactRef stored = store.put(Files.writeString(home.resolve("model.json"), "weights"), "xgboost-json");
        Files.writeString(store.find(stored.sha256()).orElseThrow(), "other weights");

        assertThatThrownBy(() -> store.find(stored.sha256())).isInstanceOf(AssayException.class).hasMessageContaining("is corrupt");
        assertThatThrownBy(() -> store.put(Files.createFile(home.resolve("empty.bin")), "xgboost-json"))
                .isInstanceOf(AssayException.class).hasMessageContaining("has 0 bytes");
    }
}
