package io.assay.server.http;

import io.assay.api.AuditEventView;
import io.assay.api.Requests.DefineUseCase;
import io.assay.api.Requests.RegisterVersion;
import io.assay.api.Requests.SetRouting;
import io.assay.api.RoutingView;
import io.assay.api.UseCaseView;
import io.assay.api.VersionView;

import java.util.List;

import static io.assay.api.Endpoints.*;

import static io.assay.server.http.Access.DATA_SCIENTISTS;
import static io.assay.server.http.Access.MLOPS_TEAM;
import static io.assay.server.http.Access.MODEL_BUILDERS;
import static io.assay.server.http.Access.REGISTRY_READERS;

/** Use cases and their versions as resources. */
final class UseCaseRoutes {
    private UseCaseRoutes() {}

    static List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get(USE_CASES, REGISTRY_READERS, "List use cases with their version counts and production version",
                        (ctx, as) -> as.useCases()).returnsListOf(UseCaseView.class),
                ApiRoute.post(DEFINE_USE_CASE, MODEL_BUILDERS, "Register a use case and its review policy", DefineUseCase.class, 201,
                        (ctx, as) -> as.defineUseCase(Bodies.read(ctx, DefineUseCase.class))).returns(UseCaseView.class),
                ApiRoute.get(USE_CASE, REGISTRY_READERS, "One use case", (ctx, as) -> as.useCase(ctx.pathParam("name"))).returns(UseCaseView.class),
                ApiRoute.get(VERSIONS, REGISTRY_READERS, "The versions of a use case",
                        (ctx, as) -> as.versions(ctx.pathParam("name"))).returnsListOf(VersionView.class),
                ApiRoute.post(REGISTER_VERSION, DATA_SCIENTISTS,
                        "Register a DRAFT version over a stored artifact, with its spec (signature, provenance, metrics)",
                        RegisterVersion.class, 201, (ctx, as) -> as.registerVersion(ctx.pathParam("name"), Bodies.read(ctx, RegisterVersion.class))).returns(VersionView.class),
                ApiRoute.get(ROUTING, REGISTRY_READERS, "Which versions serve, canary and shadow in each environment",
                        (ctx, as) -> as.routing(ctx.pathParam("name"))).returnsListOf(RoutingView.class),
                ApiRoute.put(ROUTE, MLOPS_TEAM,
                        "Set the whole routing of one environment (TEST or PRODUCTION); what is left out is no longer routed",
                        SetRouting.class, (ctx, as) -> as.route(ctx.pathParam("name"), ctx.pathParam("environment"),
                                Bodies.read(ctx, SetRouting.class))).returns(RoutingView.class),
                ApiRoute.get(VERSION, REGISTRY_READERS, "One version: stage and why, gates, reviews, tests, findings, the evidence digest",
                        (ctx, as) -> as.version(ctx.pathParam("name"), Bodies.version(ctx))).returns(VersionView.class),
                ApiRoute.get(HISTORY, REGISTRY_READERS, "Every recorded action on a version, refused ones included",
                        (ctx, as) -> as.history(ctx.pathParam("name"), Bodies.version(ctx))).returnsListOf(AuditEventView.class));
    }
}
