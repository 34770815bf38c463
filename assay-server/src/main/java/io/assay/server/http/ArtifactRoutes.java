package io.assay.server.http;

import io.assay.api.ArtifactView;
import io.assay.api.Endpoints;
import io.assay.core.access.Permission;
import io.assay.server.local.LocalGovernance;
import io.assay.core.registry.ArtifactStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Model files, uploaded as the raw request body and stored by their SHA-256. */
final class ArtifactRoutes {
    private ArtifactRoutes() {}

    static List<ApiRoute> routes(Path scratch) {
        return List.of(ApiRoute.upload(Endpoints.STORE_ARTIFACT, Permission.BUILD_MODELS,
                "Store a model file (the raw body; ?format= names its format, default xgboost-json); answers its SHA-256",
                (ctx, as) -> {
                    String format = Optional.ofNullable(ctx.queryParam("format")).orElse(LocalGovernance.DEFAULT_ARTIFACT_FORMAT);
                    return Uploads.receive(ctx.bodyInputStream(), scratch, "artifact", "the uploaded file", ArtifactStore.MAX_BYTES, "the artifact",
                            file -> as.governance().storeArtifact(file, format));
                }).returns(ArtifactView.class));
    }
}
