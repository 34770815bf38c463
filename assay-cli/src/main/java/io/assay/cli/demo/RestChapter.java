package io.assay.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.core.error.AssayException;
import io.assay.server.AdminToken;
import io.assay.server.ServerApp;
import io.assay.server.ServerConfig;
import io.assay.api.AuditCheck;
import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.RoutingView;
import io.assay.api.client.HttpGovernance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's REST chapter: the same registry served over HTTP on a free local port, used with
 * each person's own token the way a business application or a pipeline would, then stopped.
 */
final class RestChapter {
    private final Output output;
    private final Clock clock;
    private final ObjectNode node;

    RestChapter(Output output, Clock clock, ObjectNode summary) {
        this.output = output;
        this.clock = clock;
        this.node = summary.putObject("rest");
    }

    void tell(Session session) {
        output.note("");
        output.note("5. The same registry over REST: 'assay server' on this home, each person with their own token.");
        var config = session.config();
        ServerConfig server = ServerConfig.from(Map.of(), config.actor()).withPort(0);
        try (ServerApp app = ServerApp.start(server, config.database(), config.home(), Optional.empty(), clock, "demo",
                line -> output.note("   " + line))) {
            URI url = URI.create("http://127.0.0.1:" + app.port());
            String adminToken = Files.readString(config.home().resolve(AdminToken.FILE_NAME)).strip();
            Governance admin = new HttpGovernance(url, adminToken, session.requestId());
            String mlopsToken = admin.createToken(new Requests.CreateToken(GovernanceChapter.MLOPS, Optional.of("demo"), Optional.empty()))
                    .token().orElseThrow();
            String scientistToken = admin.createToken(new Requests.CreateToken(GovernanceChapter.SCIENTIST, Optional.of("demo"),
                    Optional.empty())).token().orElseThrow();
            String auditorToken = admin.createToken(new Requests.CreateToken(GovernanceChapter.AUDITOR, Optional.of("demo"),
                    Optional.empty())).token().orElseThrow();
            output.note("   " + url + "/api/v1 — " + app.api().routes().size() + " routes, each with the roles that may call it "
                    + "(GET /api/v1/openapi.json); tokens issued over REST for " + GovernanceChapter.MLOPS + ", "
                    + GovernanceChapter.SCIENTIST + " and " + GovernanceChapter.AUDITOR);

            Governance mlops = new HttpGovernance(url, mlopsToken, session.requestId());
            RoutingView production = mlops.routing("churn").get(1);
            RoutingView test = mlops.route("churn", "test", new Requests.SetRouting(Optional.of(1), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(0L)));
            output.note("   routing of churn (kept apart from its stage): production " + production.summary() + " (set by the promotion); "
                    + GovernanceChapter.MLOPS + " routes the test environment: " + test.summary());
            String refusal;
            try {
                new HttpGovernance(url, scientistToken, session.requestId()).route("churn", "production",
                        new Requests.SetRouting(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
                refusal = "NOT REFUSED";
            } catch (AssayException expected) {
                refusal = expected.code() + " (" + expected.getMessage() + ")";
            }
            output.note("   " + GovernanceChapter.SCIENTIST + " tries to change production routing with her token: " + refusal);
            AuditCheck audit = new HttpGovernance(url, auditorToken, session.requestId()).verifyAudit(Optional.empty());
            output.note("   " + GovernanceChapter.AUDITOR + " verifies the audit chain over REST: " + audit.eventsChecked() + " events, "
                    + (audit.intact() ? "intact" : "BROKEN"));
            node.put("routes", app.api().routes().size());
            node.put("production_routing", production.summary());
            node.put("test_routing", test.summary());
            node.put("scientist_refused", refusal.startsWith("ROLE_REQUIRED"));
            node.put("audit_intact", audit.intact());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
