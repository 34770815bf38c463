package io.assay.server.http;

import io.assay.core.access.Permission;
import io.assay.api.Requests.AttachEvidence;
import io.assay.api.Requests.Promote;
import io.assay.api.Requests.RecordTest;
import io.assay.api.Requests.Retire;
import io.assay.api.Requests.SubmitReview;
import io.assay.api.VersionView;

import java.util.List;

import static io.assay.api.Endpoints.*;


/** Everything that moves a version through the lifecycle: evidence, reviews, tests and transitions. */
final class TransitionRoutes {
    private TransitionRoutes() {}

    static List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post(SUBMIT, Permission.BUILD_MODELS, "Submit a DRAFT for validation; freezes its metric spec",
                        null, 200, (ctx, as) -> as.governance().submit(ctx.pathParam("name"), Bodies.version(ctx)))
                        .returns(VersionView.class),
                ApiRoute.post(ATTACH_EVIDENCE, Permission.ATTACH_EVIDENCE,
                        "Attach a gate result; changes the evidence digest, so earlier approvals stop counting", AttachEvidence.class, 200,
                        (ctx, as) -> as.governance().attachEvidence(ctx.pathParam("name"), Bodies.version(ctx), Bodies.read(ctx, AttachEvidence.class)))
                        .returns(VersionView.class),
                ApiRoute.post(REVIEW, Permission.REVIEW, "Approve or reject under one reviewer role, signing the evidence digest",
                        SubmitReview.class, 200,
                        (ctx, as) -> as.governance().review(ctx.pathParam("name"), Bodies.version(ctx), Bodies.read(ctx, SubmitReview.class)))
                        .returns(VersionView.class),
                ApiRoute.post(RECORD_TEST, Permission.OPERATE_MODELS, "Record a test-environment result; a failure sends the version back",
                        RecordTest.class, 200, (ctx, as) -> as.governance().recordTest(ctx.pathParam("name"), Bodies.version(ctx),
                                Bodies.read(ctx, RecordTest.class)))
                        .returns(VersionView.class),
                ApiRoute.post(PROMOTE, Permission.OPERATE_MODELS,
                        "Put a TESTED version into production, replacing the version named in 'replaces'", Promote.class, 200,
                        (ctx, as) -> as.governance().promote(ctx.pathParam("name"), Bodies.version(ctx), Bodies.read(ctx, Promote.class)))
                        .returns(VersionView.class),
                ApiRoute.post(RETIRE, Permission.OPERATE_MODELS, "Retire a version, with the reason", Retire.class, 200,
                        (ctx, as) -> as.governance().retire(ctx.pathParam("name"), Bodies.version(ctx), Bodies.read(ctx, Retire.class))).returns(VersionView.class));
    }
}
