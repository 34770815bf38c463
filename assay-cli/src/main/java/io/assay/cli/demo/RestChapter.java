package io.assay.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.api.AuditCheck;
import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.RoutingView;
import io.assay.cli.Output;
import io.assay.core.error.AssayException;

import java.util.List;
import java.util.Optional;

/** The demo's REST chapter: routing and the audit chain on the running server, each person with their own token. */
final class RestChapter {
    private final Output output;
    private final ObjectNode node;

    RestChapter(Output output, ObjectNode summary) {
        this.output = output;
        this.node = summary.putObject("rest");
    }

    void tell(DemoServer server, List<String> promoted) {
        output.note("");
        output.note("6. The registry over REST, on the server the data team has used since chapter 2, each person with their token.");
        var app = server.app();
        output.note("   " + server.url() + "/api/v1 — " + app.api().routes().size() + " routes, each with the permission it takes "
                + "(GET /api/v1/openapi.json, x-assay-roles)");

        Governance mlops = server.governanceAs(GovernanceChapter.MLOPS);
        String production = "nothing in production";
        String test = "-";
        String useCase = GovernanceChapter.USE_CASES.get(0);
        if (!promoted.isEmpty()) {
            String[] label = promoted.get(0).split(" v");
            useCase = label[0];
            int version = Integer.parseInt(label[1]);
            production = mlops.routing(useCase).get(1).summary();
            test = mlops.route(useCase, "test", new Requests.SetRouting(Optional.of(version), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(0L))).summary();
            output.note("   routing of " + useCase + " (kept apart from its stage): production " + production + " (set by the promotion); "
                    + GovernanceChapter.MLOPS + " routes the test environment: " + test);
        }
        String refusal;
        try {
            server.governanceAs(GovernanceChapter.SCIENTIST).route(useCase, "production",
                    new Requests.SetRouting(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            refusal = "NOT REFUSED";
        } catch (AssayException expected) {
            refusal = expected.code() + " (" + expected.getMessage() + ")";
        }
        output.note("   " + GovernanceChapter.SCIENTIST + " tries to change production routing with her token: " + refusal);
        AuditCheck audit = server.governanceAs(GovernanceChapter.AUDITOR).verifyAudit(Optional.empty());
        output.note("   " + GovernanceChapter.AUDITOR + " verifies the audit chain over REST: " + audit.eventsChecked() + " events, "
                + (audit.intact() ? "intact" : "BROKEN"));
        node.put("routes", app.api().routes().size());
        node.put("production_routing", production);
        node.put("test_routing", test);
        node.put("scientist_refused", refusal.startsWith("ROLE_REQUIRED"));
        node.put("audit_intact", audit.intact());
    }
}
