package io.assay.server.http;

import io.assay.core.access.Permission;
import io.assay.api.AuditEventView;
import io.assay.api.Requests.DefineUseCase;
import io.assay.api.Requests.RegisterVersion;
import io.assay.api.Requests.SetRouting;
import io.assay.api.RoutingView;
import io.assay.api.UseCaseView;
import io.assay.api.VersionView;

import java.util.List;

import static io.assay.api.Endpoints.*;


/** Use cases and their versions as resources. */
final class UseCaseRoutes {
    private UseCaseRoutes() {}

    static List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get(USE_CASES, Permission.READ_REGISTRY, "List use cases with their version counts and production version",
                        (ctx, as) -> as.governance().useCases()).returnsListOf(UseCaseView.class),
                ApiRoute.post(DEFINE_USE_CASE, Permission.DEFINE_USE_CASE, "Register a use case and its review policy", DefineUseCase.class, 201,
                        (ctx, as) -> as.governance().defineUseCase(Bodies.read(ctx, DefineUseCase.class))).returns(UseCaseView.class),
                ApiRoute.get(USE_CASE, Permission.READ_REGISTRY, "One use case", (ctx, as) -> as.governance().useCase(ctx.pathParam("name"))).returns(UseCaseView.class),
                ApiRoute.get(VERSIONS, Permission.READ_REGISTRY, "The versions of a use case",
                        (ctx, as) -> as.governance().versions(ctx.pathParam("name"))).returnsListOf(VersionView.class),
                ApiRoute.post(REGISTER_VERSION, Permission.BUILD_MODELS,
                        "Register a DRAFT version over a stored artifact, with its spec (signature, provenance, metrics)",
                        RegisterVersion.class, 201, (ctx, as) -> as.governance().registerVersion(ctx.pathParam("name"), Bodies.read(ctx, RegisterVersion.class))).returns(VersionView.class),
                ApiRoute.get(ROUTING, Permission.READ_REGISTRY, "Which versions serve, canary and shadow in each environment",
                        (ctx, as) -> as.governance().routing(ctx.pathParam("name"))).returnsListOf(RoutingView.class),
                ApiRoute.put(ROUTE, Permission.OPERATE_MODELS,
                        "Set the whole routing of one environment (TEST or PRODUCTION); what is left out is no longer routed",
                        SetRouting.class, (ctx, as) -> as.governance().route(ctx.pathParam("name"), ctx.pathParam("environment"),
                                Bodies.read(ctx, SetRouting.class))).returns(RoutingView.class),
                ApiRoute.get(VERSION, Permission.READ_REGISTRY, "One version: stage and why, gates, reviews, tests, findings, the evidence digest",
                        (ctx, as) -> as.governance().version(ctx.pathParam("name"), Bodies.version(ctx))).returns(VersionView.class),
                ApiRoute.get(HISTORY, Permission.READ_REGISTRY, "Every recorded action on a version, refused ones included",
                        (ctx, as) -> as.governance().history(ctx.pathParam("name"), Bodies.version(ctx))).returnsListOf(AuditEventView.class));
    }
}
