package io.assay.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.api.FeatureViews.TrainingSetView;
import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.TrainingApi;
import io.assay.api.TrainingViews.GateView;
import io.assay.api.TrainingViews.GatesView;
import io.assay.api.TrainingViews.ReproduceView;
import io.assay.api.TrainingViews.RunView;
import io.assay.api.VersionView;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.cli.train.TrainText;
import io.assay.core.audit.AuditService;
import io.assay.core.audit.AuditVerification;
import io.assay.core.error.AssayException;
import io.assay.core.registry.PlatformGates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's models chapter, over REST with each person's token: the three use cases trained
 * (XGBoost, a logistic baseline beside each) on chapter 4's training sets, registered with a
 * metric spec, gated by the platform, a version failing a gate sent back and reworked, the
 * validated ones reviewed by distinct people and promoted, a challenger held back by the
 * champion gate, and every registered model rebuilt from its lineage bit for bit.
 */
final class GovernanceChapter {
    static final String SCIENTIST = "dana.scientist";
    static final String LEGAL = "lena.legal";
    static final String DATA = "dirk.data";
    static final String COMPLIANCE = "carla.compliance";
    static final String MLOPS = "max.mlops";
    static final String AUDITOR = "alex.auditor";
    static final List<String> USE_CASES = List.of("overdraft-40d", "churn", "mortgage-propensity");

    private final Output output;
    private final Clock clock;
    private final ObjectNode node;
    private int refused;

    GovernanceChapter(Output output, Clock clock, ObjectNode summary) {
        this.output = output;
        this.clock = clock;
        this.node = summary.putObject("governance");
    }

    void tell(Session session, DemoServer server) {
        output.note("");
        output.note("5. Models: trained on those sets and judged through the compiled scorer production will use; gated by the");
        output.note("   platform (never typed in), reviewed by distinct people, promoted; and rebuilt from their lineage bit for bit.");
        TrainingApi scientist = server.trainingAs(SCIENTIST);
        TrainingApi mlops = server.trainingAs(MLOPS);
        Governance asScientist = server.governanceAs(SCIENTIST);
        server.dataAs(DemoServer.STEWARD).grant(new Requests.GrantAccess(MLOPS, "gates and reproduction of the demo's models",
                List.of("customers", "accounts", "transactions", "products", "digital_events"), LocalDate.now(clock).plusDays(30)));
        for (String useCase : USE_CASES) {
            asScientist.defineUseCase(new Requests.DefineUseCase(useCase, Optional.empty(), DESCRIPTIONS.get(useCase),
                    useCase.equals("overdraft-40d") ? "HIGH" : "MEDIUM", INTENDED.get(useCase),
                    "Not for credit decisions; scores are not shown to customers.", Optional.of(List.of("crm")), Optional.empty(),
                    Optional.of(PlatformGates.ALL), Optional.of(!useCase.equals("overdraft-40d"))));
        }
        output.note("   use cases " + USE_CASES + ", each approved by legal, data and compliance; required gates " + PlatformGates.ALL);
        ArrayNode models = node.putArray("models");
        Map<String, RunView> logistic = new LinkedHashMap<>();
        Map<String, VersionView> validated = new LinkedHashMap<>();
        List<VersionView> gatedVersions = new ArrayList<>();
        for (String useCase : USE_CASES) {
            Optional<TrainingSetView> set = server.featuresAs(SCIENTIST).trainingSets(Optional.of(useCase)).stream().reduce((a, b) -> b);
            if (set.isEmpty()) {
                output.note("   " + useCase + ": no training set (the bank's history is too short for its horizon)");
                continue;
            }
            RunView trees = scientist.train(new Requests.Train(useCase, set.get().id(), Optional.of("xgboost"), Optional.empty()));
            RunView baseline = scientist.train(new Requests.Train(useCase, set.get().id(), Optional.of("logistic"), Optional.empty()));
            logistic.put(useCase, baseline);
            output.note(String.format("   %-20s out-of-time AUC %.3f, KS %.3f with xgboost (%s, %d rounds) | logistic baseline AUC %.3f, KS %.3f",
                    useCase, TrainText.figure(trees, "test", "auc"), TrainText.figure(trees, "test", "ks"), trees.id(), trees.bestRound(),
                    TrainText.figure(baseline, "test", "auc"), TrainText.figure(baseline, "test", "ks")));
            ObjectNode model = models.addObject().put("use_case", useCase).put("trainset", set.get().id())
                    .put("xgboost_run", trees.id()).put("xgboost_test_auc", TrainText.figure(trees, "test", "auc"))
                    .put("xgboost_test_ks", TrainText.figure(trees, "test", "ks"))
                    .put("logistic_run", baseline.id()).put("logistic_test_auc", TrainText.figure(baseline, "test", "auc"))
                    .put("logistic_test_ks", TrainText.figure(baseline, "test", "ks"));
            VersionView version = gated(server, scientist, mlops, useCase, trees, Optional.empty(), model);
            gatedVersions.add(version);
            if (version.stage().equals("VALIDATED")) {
                validated.put(useCase, version);
            }
        }
        List<String> promoted = new ArrayList<>();
        for (VersionView version : validated.values()) {
            promoted.add(reviewTestPromote(server, version));
        }
        node.set("in_production", Output.JSON.valueToTree(promoted));
        challenger(server, scientist, mlops, logistic);
        reproduce(mlops, gatedVersions);
        AuditVerification audit = new AuditService(session.registryStore(), clock).verify(Optional.empty());
        output.note("   audit chain: " + audit.eventsChecked() + " events, " + (audit.intact() ? "intact" : "BROKEN: " + audit.problem())
                + " (" + refused + " refused attempt(s) recorded too) — assay audit verify");
        node.put("use_cases", USE_CASES.size());
        node.put("refused_attempts", refused);
        node.putObject("audit").put("events", audit.eventsChecked()).put("intact", audit.intact());
    }

    /**
     * Registers a run's model, has MLOps run the gates, and when one fails, has the data reviewer
     * send it back with the gate's own words, and the data scientist rework it once: retrained
     * without the inputs the stability gate found unstable.
     */
    private VersionView gated(DemoServer server, TrainingApi scientist, TrainingApi mlops, String useCase, RunView run,
                              Optional<Integer> reworks, ObjectNode model) {
        VersionView version = scientist.registerRun(useCase, new Requests.RegisterRun(run.id(), spec(), reworks));
        server.governanceAs(SCIENTIST).submit(useCase, version.version());
        if (reworks.isEmpty()) {
            try {
                scientist.runGates(useCase, version.version());
            } catch (AssayException expected) {
                refused++;
                output.note("     " + SCIENTIST + " tries to run the gates of her own version: refused — " + expected.getMessage());
            }
        }
        GatesView gates = mlops.runGates(useCase, version.version());
        List<GateView> failed = gates.gates().stream().filter(g -> !g.passed()).toList();
        output.note("     " + useCase + " v" + version.version() + " (" + run.id() + "): gates by " + MLOPS + ": " + String.join(", ",
                gates.gates().stream().map(g -> g.gate() + (g.passed() ? " passed" : " FAILED")).toList()) + " -> " + gates.stage());
        failed.forEach(g -> output.note("       " + g.gate() + ": " + g.detail()));
        model.put(reworks.isEmpty() ? "version" : "rework", version.version()).put(reworks.isEmpty() ? "stage" : "rework_stage", gates.stage());
        if (failed.isEmpty() || reworks.isPresent()) {
            return server.governanceAs(MLOPS).version(useCase, version.version());
        }
        VersionView current = server.governanceAs(DATA).version(useCase, version.version());
        server.governanceAs(DATA).review(useCase, version.version(), new Requests.SubmitReview(Optional.of("DATA_REVIEWER"), "REJECT",
                "The platform's gates failed; rework before review.", current.evidenceDigest(),
                Optional.of(failed.stream().map(g -> "gate " + g.gate() + ": " + g.detail()).toList())));
        node.withArray("sent_back").add(useCase + " v" + version.version());
        List<String> unstable = unstableInputs(failed);
        output.note("       " + DATA + " sends it back with the failed gates as findings -> SENT_BACK; " + SCIENTIST + " retrains"
                + (unstable.isEmpty() ? " with the same inputs" : " without " + unstable));
        Map<String, String> parameters = Map.of("exclude", String.join(",", unstable));
        RunView rework = scientist.train(new Requests.Train(useCase, run.trainsetId(), Optional.of("xgboost"), Optional.of(parameters)));
        return gated(server, scientist, mlops, useCase, rework, Optional.of(version.version()), model);
    }

    /** The inputs whose PSI, train against out-of-time, broke the stability bound: what a data scientist would drop first. */
    private static List<String> unstableInputs(List<GateView> failed) {
        List<String> unstable = new ArrayList<>();
        failed.stream().filter(g -> g.gate().equals(PlatformGates.STABILITY)).forEach(g -> {
            double bound = g.figures().get("bound.max_psi");
            g.figures().forEach((name, psi) -> {
                if (name.startsWith("psi.") && !name.equals("psi.score") && psi > bound) {
                    unstable.add(name.substring("psi.".length()));
                }
            });
        });
        return unstable.stream().sorted().toList();
    }

    private String reviewTestPromote(DemoServer server, VersionView version) {
        String useCase = version.useCase();
        String digest = version.evidenceDigest();
        server.governanceAs(LEGAL).review(useCase, version.version(), new Requests.SubmitReview(Optional.of("LEGAL_REVIEWER"), "APPROVE",
                "A legitimate interest; objections are handled.", digest, Optional.empty()));
        server.governanceAs(DATA).review(useCase, version.version(), new Requests.SubmitReview(Optional.of("DATA_REVIEWER"), "APPROVE",
                "Inputs are contracted, pseudonymised snapshots; lineage recorded in the bundle.", digest, Optional.empty()));
        server.governanceAs(COMPLIANCE).review(useCase, version.version(), new Requests.SubmitReview(Optional.of("COMPLIANCE_REVIEWER"),
                "APPROVE", "Fairness gate passed on the protected attribute; no protected attribute among the inputs.", digest,
                Optional.empty()));
        Governance mlops = server.governanceAs(MLOPS);
        mlops.recordTest(useCase, version.version(), new Requests.RecordTest("backtest", true, "out-of-time figures reproduced by the gates",
                Optional.empty()));
        VersionView promoted = mlops.promote(useCase, version.version(), new Requests.Promote(Optional.of("none")));
        output.note("     " + useCase + " v" + version.version() + ": approved by " + LEGAL + ", " + DATA + ", " + COMPLIANCE + "; tested and "
                + "promoted by " + MLOPS + " -> " + promoted.stage());
        return useCase + " v" + version.version();
    }

    /** The logistic baseline as a challenger of the promoted XGBoost champion: the champion gate re-scores both on the same rows. */
    private void challenger(DemoServer server, TrainingApi scientist, TrainingApi mlops, Map<String, RunView> logistic) {
        for (JsonNode promoted : node.withArray("in_production")) {
            String useCase = promoted.asText().split(" ")[0];
            RunView baseline = logistic.get(useCase);
            VersionView version = scientist.registerRun(useCase, new Requests.RegisterRun(baseline.id(), spec(), Optional.empty()));
            server.governanceAs(SCIENTIST).submit(useCase, version.version());
            GatesView gates = mlops.runGates(useCase, version.version());
            GateView champion = gates.gates().stream().filter(g -> g.gate().equals(PlatformGates.CHAMPION)).findFirst().orElseThrow();
            output.note("     challenger " + useCase + " v" + version.version() + " (the logistic baseline): champion gate "
                    + (champion.passed() ? "passed" : "FAILED") + " — " + champion.detail() + " -> " + gates.stage());
            node.put("challenger", useCase + " v" + version.version()).put("challenger_stage", gates.stage());
            return;
        }
    }

    private void reproduce(TrainingApi mlops, Iterable<VersionView> versions) {
        ArrayNode reproduced = node.putArray("reproduced");
        for (VersionView version : versions) {
            ReproduceView result = mlops.reproduce(version.useCase(), version.version());
            output.note("     assay reproduce " + version.useCase() + " " + version.version() + ": " + result.verdict() + " (model sha256 "
                    + result.reproducedModelSha256().substring(0, 12) + ")" + (result.differences().isEmpty() ? ""
                    : " — " + result.differences().get(0)));
            reproduced.addObject().put("version", version.useCase() + " v" + version.version()).put("verdict", result.verdict());
        }
    }

    /** The demo's metric spec: the example bars, fairness on gender at a 10 % cut-off. */
    private static JsonNode spec() {
        try {
            return Output.JSON.readTree("""
                    {"spec_format": 1,
                     "metrics": [{"metric": "auc", "at_least": 0.7}, {"metric": "ks", "at_least": 0.3}, {"metric": "brier", "at_most": 0.15}],
                     "champion": {"metric": "auc", "min_delta": 0.0},
                     "fairness": {"attribute": "gender", "selected_share": 0.1, "min_adverse_impact": 0.8, "min_rows": 100},
                     "stability": {"max_psi": 0.25},
                     "robustness": {"max_score_change": 0.02}}""");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "overdraft-40d", "Which customers are likely to go below zero within 40 days.",
            "churn", "Which customers are likely to leave within a quarter.",
            "mortgage-propensity", "Which customers are likely to take out a mortgage within a quarter.");
    private static final Map<String, String> INTENDED = Map.of(
            "overdraft-40d", "Early, free warnings and budgeting help.",
            "churn", "Retention offers by relationship managers.",
            "mortgage-propensity", "Timing of mortgage advice invitations.");
}
