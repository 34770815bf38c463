package io.assay.testing;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.ArtifactRef;
import io.assay.core.registry.ArtifactStore;
import io.assay.core.registry.RegistryNames;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Model files in memory, named by their SHA-256 like the filesystem store; held to the same contract. */
public final class InMemoryArtifactStore implements ArtifactStore {
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();

    @Override
    public Upload upload() {
        return new Upload() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            @Override
            public void write(byte[] data, int offset, int length) {
                if ((long) bytes.size() + length > MAX_BYTES) {
                    throw new AssayException(ErrorCode.REQUEST_TOO_LARGE, "the artifact is larger than 2 GiB");
                }
                bytes.write(data, offset, length);
            }

            @Override
            public ArtifactRef commit(String format) {
                RegistryNames.requireIdentifier("artifact format", format);
                if (bytes.size() == 0) {
                    throw AssayException.invalid("the artifact has 0 bytes; an artifact holds 1 byte to 2 GiB");
                }
                byte[] content = bytes.toByteArray();
                String sha256 = sha256(content);
                stored.putIfAbsent(sha256, content);
                return new ArtifactRef(sha256, content.length, format);
            }

            @Override
            public void close() {
                // nothing is kept until commit
            }
        };
    }

    @Override
    public Optional<Long> sizeOf(String sha256) {
        RegistryNames.requireSha256("artifact hash", sha256);
        return Optional.ofNullable(stored.get(sha256)).map(content -> (long) content.length);
    }

    @Override
    public Optional<byte[]> read(String sha256) {
        RegistryNames.requireSha256("artifact hash", sha256);
        return Optional.ofNullable(stored.get(sha256)).map(byte[]::clone);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
