package io.assay.server.http;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.api.ArtifactView;
import io.assay.api.Endpoints;
import io.assay.server.local.LocalGovernance;
import io.assay.store.FileArtifactStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.assay.server.http.Access.DATA_SCIENTISTS;

/** Model files, uploaded as the raw request body and stored by their SHA-256. */
final class ArtifactRoutes {
    private ArtifactRoutes() {}

    static List<ApiRoute> routes(Path scratch) {
        return List.of(ApiRoute.post(Endpoints.STORE_ARTIFACT, DATA_SCIENTISTS,
                "Store a model file (the raw body; ?format= names its format, default xgboost-json); answers its SHA-256",
                null, 201, (ctx, as) -> {
                    String format = Optional.ofNullable(ctx.queryParam("format")).orElse(LocalGovernance.DEFAULT_ARTIFACT_FORMAT);
                    Path upload = receive(ctx.bodyInputStream(), scratch);
                    try {
                        return as.storeArtifact(upload, format);
                    } catch (AssayException refused) {
                        // The message names the scratch file; the client sent a body, not a file of ours.
                        throw new AssayException(refused.code(), refused.getMessage().replace(upload.toString(), "the uploaded file"));
                    } finally {
                        Files.deleteIfExists(upload);
                    }
                }).returns(ArtifactView.class));
    }

    /** Streams the body to a scratch file, stopping at the artifact size limit rather than filling the disk. */
    private static Path receive(InputStream body, Path scratch) throws IOException {
        Path file = Files.createDirectories(scratch).resolve("upload-" + UUID.randomUUID() + ".part");
        long written = 0;
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) != -1; ) {
                written += read;
                if (written > FileArtifactStore.MAX_BYTES) {
                    throw new AssayException(ErrorCode.REQUEST_TOO_LARGE, "the artifact is larger than 2 GiB");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }
}
