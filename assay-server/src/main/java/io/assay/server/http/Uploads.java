package io.assay.server.http;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Request bodies that are files (a model, a batch), streamed to a scratch folder and removed once handled. */
final class Uploads {
    /** Work on a received file; its scratch path never reaches the client, who sent a body, not a file of ours. */
    interface Use<T> {
        T apply(Path file) throws Exception;
    }

    private Uploads() {}

    /**
     * Streams {@code body} into {@code scratch/<name>} (a folder of its own, so the name is the
     * client's), stopping at {@code maxBytes} rather than filling the disk, and hands it on.
     */
    static <T> T receive(InputStream body, Path scratch, String name, long maxBytes, String what, Use<T> use) throws Exception {
        return receive(body, scratch, name, name, maxBytes, what, use);
    }

    /** As above, naming the file in errors as {@code shownAs}. */
    static <T> T receive(InputStream body, Path scratch, String name, String shownAs, long maxBytes, String what, Use<T> use)
            throws Exception {
        Path folder = Files.createDirectories(scratch).resolve("upload-" + UUID.randomUUID());
        Files.createDirectory(folder);
        Path file = folder.resolve(name);
        try {
            long written = 0;
            try (InputStream in = body; OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[1 << 16];
                for (int read; (read = in.read(buffer)) != -1; ) {
                    written += read;
                    if (written > maxBytes) {
                        throw new AssayException(ErrorCode.REQUEST_TOO_LARGE, what + " is larger than " + (maxBytes >> 30) + " GiB");
                    }
                    out.write(buffer, 0, read);
                }
            }
            return use.apply(file);
        } catch (AssayException refused) {
            throw new AssayException(refused.code(), refused.getMessage().replace(file.toString(), shownAs)
                    .replace(folder.toString(), "the upload"));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }
}
