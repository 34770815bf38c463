package io.assay.server;

import io.assay.core.access.Role;
import io.assay.core.access.TokenService;
import io.assay.core.access.User;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.server.local.Services;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The embedded server's first start: someone must be able to call it, so it issues a token for
 * the home's ADMIN (making the local user ADMIN on an empty home) and writes the secret to a file
 * only its owner can read. Later starts leave the file alone and say where it is.
 */
public final class AdminToken {
    public static final String FILE_NAME = "admin-token";
    private static final String LABEL = "admin token made on first start";

    private AdminToken() {}

    /** Returns a line saying where the admin token is, or why there is none. */
    public static String ensure(Path home, Services services, String localUser) {
        Path file = home.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return "The admin token is in " + file + (ownerOnly(file) ? " (owner-only)." : " — WARNING: others can read it; chmod 600 it "
                    + "or revoke the token");
        }
        services.users().bootstrapAdmin(localUser);
        Optional<User> admin = services.users().find(localUser).filter(user -> user.active() && user.holds(Role.ADMIN))
                .or(() -> services.users().list().stream().filter(user -> user.active() && user.holds(Role.ADMIN)).findFirst());
        if (admin.isEmpty()) {
            return "No active ADMIN in this home, so no admin token was made; add one with 'assay users add NAME --roles ADMIN'.";
        }
        // A lost file means a new token; the one it held is revoked, so first-start tokens never pile up.
        for (var earlier : services.tokens().list(Optional.of(admin.get().name()))) {
            if (earlier.label().equals(LABEL) && earlier.revokedAt().isEmpty()) {
                services.tokens().revoke(admin.get().name(), earlier.id(), "server-first-start");
            }
        }
        TokenService.Issued issued = services.tokens().create(admin.get().name(), admin.get().name(), LABEL, Optional.empty(),
                "server-first-start");
        writeOwnerOnly(file, issued.secret() + "\n");
        return "First start: an admin token for " + admin.get().name() + " is in " + file + " (owner-only); "
                + "use it to add users and issue their tokens.";
    }

    private static boolean ownerOnly(Path file) {
        try {
            return !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    || Files.getPosixFilePermissions(file).stream().allMatch(p -> p.name().startsWith("OWNER_"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeOwnerOnly(Path file, String content) {
        Path temporary = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(temporary);
            FileAttribute<?>[] ownerOnly = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            try (FileChannel channel = FileChannel.open(temporary, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    ownerOnly)) {
                channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot write the admin token file " + file + ": " + e.getMessage());
        }
    }
}
