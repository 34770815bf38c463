package io.assay.server.http;

import io.assay.api.Requests.AttachEvidence;
import io.assay.api.Requests.Promote;
import io.assay.api.Requests.RecordTest;
import io.assay.api.Requests.Retire;
import io.assay.api.Requests.SubmitReview;
import io.assay.api.VersionView;

import java.util.List;

import static io.assay.api.Endpoints.*;

import static io.assay.server.http.Access.DATA_SCIENTISTS;
import static io.assay.server.http.Access.MLOPS_TEAM;
import static io.assay.server.http.Access.MODEL_BUILDERS;
import static io.assay.server.http.Access.REVIEWERS;

/** Everything that moves a version through the lifecycle: evidence, reviews, tests and transitions. */
final class TransitionRoutes {
    private TransitionRoutes() {}

    static List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post(SUBMIT, DATA_SCIENTISTS, "Submit a DRAFT for validation; freezes its metric spec",
                        null, 200, (ctx, as) -> as.submit(ctx.pathParam("name"), Bodies.version(ctx)))
                        .returns(VersionView.class),
                ApiRoute.post(ATTACH_EVIDENCE, MODEL_BUILDERS,
                        "Attach a gate result; changes the evidence digest, so earlier approvals stop counting", AttachEvidence.class, 200,
                        (ctx, as) -> as.attachEvidence(ctx.pathParam("name"), Bodies.version(ctx), Bodies.read(ctx, AttachEvidence.class)))
                        .returns(VersionView.class),
                ApiRoute.post(REVIEW, REVIEWERS, "Approve or reject under one reviewer role, signing the evidence digest",
                        SubmitReview.class, 200,
                        (ctx, as) -> as.review(ctx.pathParam("name"), Bodies.version(ctx), Bodies.read(ctx, SubmitReview.class)))
                        .returns(VersionView.class),
                ApiRoute.post(RECORD_TEST, MLOPS_TEAM, "Record a test-environment result; a failure sends the version back",
                        RecordTest.class, 200, (ctx, as) -> as.recordTest(ctx.pathParam("name"), Bodies.version(ctx),
                                Bodies.read(ctx, RecordTest.class)))
                        .returns(VersionView.class),
                ApiRoute.post(PROMOTE, MLOPS_TEAM,
                        "Put a TESTED version into production, replacing the version named in 'replaces'", Promote.class, 200,
                        (ctx, as) -> as.promote(ctx.pathParam("name"), Bodies.version(ctx), Bodies.read(ctx, Promote.class)))
                        .returns(VersionView.class),
                ApiRoute.post(RETIRE, MLOPS_TEAM, "Retire a version, with the reason", Retire.class, 200,
                        (ctx, as) -> as.retire(ctx.pathParam("name"), Bodies.version(ctx), Bodies.read(ctx, Retire.class))).returns(VersionView.class));
    }
}
