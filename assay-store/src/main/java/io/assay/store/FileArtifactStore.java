package io.assay.store;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.ArtifactRef;
import io.assay.core.registry.ArtifactStore;
import io.assay.core.registry.RegistryNames;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Model artifacts on disk, addressed by their SHA-256: {@code <root>/sha256/ab/abcd…}. An upload
 * writes to a temporary file while hashing, syncs it and renames it into place, so an artifact
 * is either whole or absent; storing the same content twice keeps it once.
 */
public final class FileArtifactStore implements ArtifactStore {
    private final Path root;

    public FileArtifactStore(Path root) {
        this.root = root;
    }

    @Override
    public Upload upload() {
        try {
            return new FileUpload(Files.createDirectories(root.resolve("tmp")).resolve(UUID.randomUUID() + ".part"));
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot start storing an artifact: " + e.getMessage());
        }
    }

    /** Stores a file (a convenience over {@link #upload()} for callers holding one). */
    public ArtifactRef put(Path source, String format) {
        RegistryNames.requireIdentifier("artifact format", format);
        if (!Files.isRegularFile(source)) {
            throw AssayException.invalid("artifact " + source + " is not a readable file");
        }
        try (Upload upload = upload(); InputStream in = Files.newInputStream(source)) {
            long size = Files.size(source);
            byte[] buffer = new byte[1 << 16];
            long copied = 0;
            for (int read; (read = in.read(buffer)) != -1; ) {
                upload.write(buffer, 0, read);
                copied += read;
            }
            if (copied != size) {
                throw AssayException.invalid("artifact " + source + " changed while it was stored (" + size + " then " + copied
                        + " bytes); store it again once it is complete");
            }
            try {
                return upload.commit(format);
            } catch (AssayException empty) {
                throw new AssayException(empty.code(), empty.getMessage().replace("the artifact", "artifact " + source));
            }
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot store artifact " + source.getFileName() + ": " + e.getMessage());
        }
    }

    @Override
    public Optional<Long> sizeOf(String sha256) {
        return find(sha256).map(path -> {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot read artifact " + sha256 + ": " + e.getMessage());
            }
        });
    }

    @Override
    public Optional<byte[]> read(String sha256) {
        RegistryNames.requireSha256("artifact hash", sha256);
        Path path = pathOf(sha256);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            byte[] content = Files.readAllBytes(path);
            String actual = HexFormat.of().formatHex(sha256Digest().digest(content));
            if (!actual.equals(sha256)) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "artifact " + sha256 + " is corrupt: its content hashes to " + actual);
            }
            return Optional.of(content);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot read artifact " + sha256 + ": " + e.getMessage());
        }
    }

    /** The stored file of an artifact, if present and intact (its content still hashes to its name). */
    public Optional<Path> find(String sha256) {
        RegistryNames.requireSha256("artifact hash", sha256);
        Path path = pathOf(sha256);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha256Digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            String actual = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            if (!actual.equals(sha256)) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "artifact " + sha256 + " is corrupt: its content hashes to " + actual);
            }
            return Optional.of(path);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot read artifact " + sha256 + ": " + e.getMessage());
        }
    }

    private Path pathOf(String sha256) {
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Bytes hashed as they are written to a temporary file, renamed into place on commit. */
    private final class FileUpload implements Upload {
        private final Path temporary;
        private final MessageDigest digest = sha256Digest();
        private OutputStream out;
        private long size;

        FileUpload(Path temporary) throws IOException {
            this.temporary = temporary;
            this.out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            size += length;
            if (size > MAX_BYTES) {
                throw new AssayException(ErrorCode.REQUEST_TOO_LARGE, "the artifact is larger than 2 GiB");
            }
            digest.update(bytes, offset, length);
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot store the artifact: " + e.getMessage());
            }
        }

        @Override
        public ArtifactRef commit(String format) {
            RegistryNames.requireIdentifier("artifact format", format);
            if (size == 0) {
                throw AssayException.invalid("the artifact has 0 bytes; an artifact holds 1 byte to 2 GiB");
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            try {
                out.close();
                out = null;
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Path target = pathOf(sha256);
                if (!Files.isDirectory(target.getParent())) {
                    // A new shard folder is an entry of its parent: synced too, so the artifact's path survives a power cut.
                    Files.createDirectories(target.getParent());
                    syncFolder(target.getParent().getParent());
                }
                if (!Files.exists(target)) {
                    moveAtomically(temporary, target);
                }
                return new ArtifactRef(sha256, size, format);
            } catch (IOException e) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot store the artifact: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                if (out != null) {
                    out.close();
                }
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot clean up an artifact upload: " + e.getMessage());
            }
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the artifact folder does not support atomic renames", e);
        }
        try (FileChannel folder = FileChannel.open(to.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the rename itself is atomic
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
