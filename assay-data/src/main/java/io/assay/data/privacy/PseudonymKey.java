package io.assay.data.privacy;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The secret behind pseudonymisation tokens. It lives outside the data environment — in an
 * environment variable, or in an owner-only key file — and never appears in a snapshot, a log
 * or an error message: {@link #toString()} shows only a one-way key id.
 */
public final class PseudonymKey {
    public static final String ENVIRONMENT_VARIABLE = "ASSAY_PSEUDONYM_KEY";
    private static final int MIN_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final byte[] secret;

    private PseudonymKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new AssayException(ErrorCode.CONFIGURATION,
                    "the pseudonymisation key is shorter than " + MIN_BYTES + " bytes; use 64 hex characters");
        }
        this.secret = secret.clone();
    }

    public static PseudonymKey of(byte[] secret) {
        return new PseudonymKey(secret);
    }

    /**
     * The key from {@value #ENVIRONMENT_VARIABLE} (hex) when set; otherwise from {@code keyFile},
     * created with a fresh random key on first use.
     */
    public static PseudonymKey resolve(Optional<String> environmentValue, Path keyFile) {
        if (environmentValue.isPresent() && !environmentValue.get().isBlank()) {
            return new PseudonymKey(decodeHex(environmentValue.get().strip(), ENVIRONMENT_VARIABLE));
        }
        if (!Files.exists(keyFile)) {
            createKeyFile(keyFile);
        }
        return readKeyFile(keyFile);
    }

    /** A one-way id of the key, recorded in manifests so a key rotation is visible. */
    public String keyId() {
        return new Pseudonymiser(this).token("assay-key-id", "key-id").substring(0, 12);
    }

    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "PseudonymKey[id=" + keyId() + "]";
    }

    private static PseudonymKey readKeyFile(Path keyFile) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new AssayException(ErrorCode.CONFIGURATION, "the key file " + keyFile
                        + " can be read by others; restrict it with: chmod 600 " + keyFile);
            }
            String hex = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
            return new PseudonymKey(decodeHex(hex, "key file " + keyFile));
        } catch (IOException e) {
            throw new AssayException(ErrorCode.CONFIGURATION, "the key file " + keyFile + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    private static void createKeyFile(Path keyFile) {
        byte[] secret = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        try {
            Files.createDirectories(keyFile.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path temporary = Files.createTempFile(keyFile.getParent(), ".key", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(temporary, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException lostRace) {
                Files.deleteIfExists(temporary);
                if (!Files.exists(keyFile)) {
                    throw lostRace;
                }
            }
        } catch (IOException e) {
            throw new AssayException(ErrorCode.CONFIGURATION, "cannot create the key file " + keyFile + ": "
                    + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] decodeHex(String hex, String source) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            // The message says nothing of the value: it is a secret.
            throw new AssayException(ErrorCode.CONFIGURATION, "the pseudonymisation key in " + source
                    + " is not hexadecimal; use 64 hex characters (e.g. from: openssl rand -hex 32)");
        }
    }
}
