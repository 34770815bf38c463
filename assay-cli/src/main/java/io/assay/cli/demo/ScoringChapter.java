package io.assay.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.api.Requests;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.Environment;
import io.assay.data.SqlText;
import io.assay.data.features.ServingTable;
import io.assay.server.scoring.ScoringPlane;
import io.assay.serving.DecisionLog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The demo's scoring chapter: a business application calls the scoring API for customers of the
 * serving table, each answer naming the exact version, and every decision is in the log.
 */
final class ScoringChapter {
    static final String APPLICATION = "crm.app";
    private static final int CUSTOMERS = 500;

    private final Output output;
    private final ObjectNode node;

    ScoringChapter(Output output, ObjectNode summary) {
        this.output = output;
        this.node = summary.putObject("scoring");
    }

    void tell(Session session, DemoServer server, List<String> promoted) {
        if (promoted.isEmpty()) {
            return;
        }
        String useCase = promoted.get(0).split(" v")[0];
        output.note("");
        output.note("7. A business application scores customers: POST /v1/score/" + useCase + " with the customer's token; the data "
                + "plane serves production's routing from memory and logs every decision before it answers.");
        server.addApplication(session, session.config().actor(), APPLICATION);
        List<String> customers = customers(session, useCase);
        waitUntilServed(server, useCase, customers.get(0));
        TreeMap<Integer, Integer> byVersion = new TreeMap<>();
        double sum = 0;
        JsonNode last = null;
        for (String customer : customers) {
            last = server.score(APPLICATION, useCase, new Requests.Score(Optional.of(customer), Optional.empty()));
            byVersion.merge(last.path("modelVersion").asInt(), 1, Integer::sum);
            sum += last.path("score").asDouble();
        }
        boolean logged = !DecisionLog.find(ScoringPlane.decisionFolder(session.config().home(), Environment.PRODUCTION),
                last.path("decisionId").asText()).isEmpty();
        output.note(String.format("   %s scored %d customers: %s (by version), mean score %.3f; decision %s is in the log: %s",
                APPLICATION, customers.size(), byVersion, sum / customers.size(), last.path("decisionId").asText(), logged ? "yes" : "NO"));
        List<String> reasons = new ArrayList<>();
        last.path("reasons").forEach(reason -> reasons.add(reason.path("code").asText() + " " + reason.path("text").asText()));
        output.note(String.format("   its answer: v%d, score %.3f, reasons %s", last.path("modelVersion").asInt(),
                last.path("score").asDouble(), reasons));
        node.put("reasons_in_last_answer", reasons.size());
        String badFeatures = refusal(() -> server.score(APPLICATION, useCase, new Requests.Score(Optional.empty(),
                Optional.of(Output.JSON.createObjectNode().put("balance_now", "NaN")))));
        output.note("   features sent as \"NaN\" text and with inputs missing: " + badFeatures);
        String scientist = refusal(() -> server.score(GovernanceChapter.SCIENTIST, useCase, new Requests.Score(Optional.of(customers.get(0)),
                Optional.empty())));
        output.note("   " + GovernanceChapter.SCIENTIST + " tries to score with her token: " + scientist);
        suppression(session, server, promoted);
        node.put("use_case", useCase);
        node.put("scored", customers.size());
        node.set("by_version", Output.JSON.valueToTree(byVersion));
        node.put("logged", logged);
        node.put("last_decision", last.path("decisionId").asText());
        node.put("bad_features_refused", badFeatures.startsWith("INVALID_ARGUMENT"));
        node.put("scientist_refused", scientist.startsWith("ROLE_REQUIRED"));
    }

    /**
     * A customer objects to marketing: the data steward records it by the raw id, and the first
     * marketing use case in production answers "suppressed" for them from then on (logged).
     */
    private void suppression(Session session, DemoServer server, List<String> promoted) {
        Optional<String> marketing = promoted.stream().map(label -> label.split(" v")[0])
                .filter(name -> session.registryStore().findUseCase(name).map(u -> u.marketingPurpose()).orElse(false))
                .filter(name -> session.services().data().features().publishedServingTable(name).isPresent()).findFirst();
        if (marketing.isEmpty()) {
            output.note("   no marketing use case is in production, so no objection is shown");
            node.put("suppressed", false);
            return;
        }
        String useCase = marketing.get();
        java.util.Set<String> served = new java.util.HashSet<>(customers(session, useCase));
        var data = session.services().data();
        String rawId = null;
        for (int index = 1; index <= 20_000 && rawId == null; index++) {
            String candidate = String.format("C%08d", index);
            if (served.contains(data.customerToken(candidate))) {
                rawId = candidate;
            }
        }
        if (rawId == null) {
            node.put("suppressed", false);
            return;
        }
        var objection = new io.assay.core.registry.ObjectionService(session.registryStore(), session.services().clock())
                .add(DemoServer.STEWARD, data.customerToken(rawId), "letter received by the branch", session.requestId());
        JsonNode answer = null;
        long deadline = System.nanoTime() + 20_000_000_000L;
        do {
            try {
                answer = server.score(APPLICATION, useCase, new Requests.Score(Optional.of(objection.customer()), Optional.empty()));
            } catch (AssayException e) {
                if (e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
            }
            if (answer != null && answer.path("suppressed").asBoolean()) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        boolean suppressed = answer != null && answer.path("suppressed").asBoolean();
        output.note(String.format("   %s objects to marketing (assay objections add --customer-id %s, kept as %s): %s answers %s",
                rawId, rawId, objection.customer(), useCase, suppressed ? "\"suppressed\" (no score, decision "
                        + answer.path("decisionId").asText() + " logged as a suppression)" : "NOT SUPPRESSED"));
        node.put("suppressed", suppressed);
        node.put("suppressed_use_case", useCase);
    }

    /** The data plane loads routing changes within a second of their commit; the promotion was moments ago. */
    private static void waitUntilServed(DemoServer server, String useCase, String customer) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                server.score(APPLICATION, useCase, new Requests.Score(Optional.of(customer), Optional.empty()));
                return;
            } catch (AssayException e) {
                if (e.code() != ErrorCode.NOT_FOUND || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
            return "NOT REFUSED";
        } catch (AssayException expected) {
            return expected.code() + " (" + expected.getMessage() + ")";
        }
    }

    private static List<String> customers(Session session, String useCase) {
        var features = session.services().data().features();
        ServingTable table = features.publishedServingTable(useCase).orElseThrow(() -> new IllegalStateException(
                "the demo materialised no serving table for " + useCase));
        List<String> tokens = new ArrayList<>();
        String query = "SELECT " + '"' + table.entity() + '"' + " FROM read_parquet(" + SqlText.literal(features.dataFile(table).toString())
                + ") ORDER BY 1 LIMIT " + CUSTOMERS;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                tokens.add(result.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the serving table of " + useCase + ": " + e.getMessage(), e);
        }
        return tokens;
    }
}
