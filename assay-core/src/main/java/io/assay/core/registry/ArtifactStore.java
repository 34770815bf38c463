package io.assay.core.registry;

import java.util.Optional;

/**
 * Port: model files, stored once each and named by the SHA-256 of their bytes, so that an
 * approval bound to a hash is bound to exactly those bytes. Implementations: the filesystem
 * (content-addressed, atomic writes) and an in-memory fake, held to the same contract suite.
 */
public interface ArtifactStore {
    /** Large enough for any model we train; a bigger file is more likely a mistake than a model. */
    long MAX_BYTES = 2L << 30;

    /** A new upload: its bytes go in with {@link Upload#write}; {@link Upload#commit} stores them. */
    Upload upload();

    /**
     * The size of the artifact stored under {@code sha256}, if it is there and intact.
     *
     * @throws io.assay.core.error.AssayException INVALID_ARGUMENT for a malformed hash, STORAGE_FAILURE
     *         when the stored bytes no longer hash to their name
     */
    Optional<Long> sizeOf(String sha256);

    /**
     * The bytes stored under {@code sha256}, checked against it, if they are there: a bundle read
     * back to be gated, served or reproduced is exactly the one approved.
     *
     * @throws io.assay.core.error.AssayException as {@link #sizeOf}
     */
    Optional<byte[]> read(String sha256);

    /** One model file on its way in; closing it without a commit leaves nothing behind. */
    interface Upload extends AutoCloseable {
        /** @throws io.assay.core.error.AssayException REQUEST_TOO_LARGE past {@link #MAX_BYTES} */
        void write(byte[] bytes, int offset, int length);

        /**
         * Stores the bytes written under their SHA-256; the same bytes stored twice are kept once.
         *
         * @throws io.assay.core.error.AssayException INVALID_ARGUMENT when nothing was written
         */
        ArtifactRef commit(String format);

        @Override
        void close();
    }
}
