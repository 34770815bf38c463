package io.assay.train;

import io.assay.core.common.IdSource;
import io.assay.core.registry.GateBounds;
import io.assay.core.registry.LifecyclePolicy;
import io.assay.core.registry.MetricSpec;
import io.assay.core.registry.MetricThreshold;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.PlatformGates;
import io.assay.core.registry.RiskTier;
import io.assay.core.registry.Stage;
import io.assay.data.features.SimulatedBank;
import io.assay.data.features.TrainingSet;
import io.assay.scoring.bundle.BundleSignature;
import io.assay.testing.InMemoryArtifactStore;
import io.assay.testing.InMemoryRegistryStore;
import io.assay.testing.RegistryFixtures;
import io.assay.train.gates.GateOutcome;
import io.assay.train.model.Algorithm;
import io.assay.train.run.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A trained model into the registry, through the platform's gates, and rebuilt from its lineage:
 * on the simulated bank, with the real registry policy over the in-memory store.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ModelServiceTest {
    private static final byte[] SPEC_TEXT = "{\"spec_format\":1}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path root;
    static SimulatedBank bank;
    static ModelRegistry registry;
    static ModelService models;
    static TrainingService training;
    static TrainingSet overdraft;
    static Run xgboost;

    @BeforeAll
    static void trainOnTheSimulatedBank() {
        bank = new SimulatedBank(root, 400, 110);
        LocalDate start = SimulatedBank.START;
        overdraft = bank.data.features().buildTrainingSet("dana", "overdraft-40d",
                List.of(start.plusDays(45), start.plusDays(55), start.plusDays(65)), Optional.empty()).value();
        bank.data.access().grant("mo", "gates and reproduction", List.of("customers", "accounts", "products", "transactions",
                "digital_events"), LocalDate.now(Clock.systemUTC()).plusDays(30), "sam");
        InMemoryRegistryStore store = new InMemoryRegistryStore();
        RegistryFixtures.seed(store, RegistryFixtures.useCase("overdraft-40d", RiskTier.HIGH, PlatformGates.ALL));
        registry = new ModelRegistry(store, new LifecyclePolicy(), Clock.systemUTC());
        training = new TrainingService(bank.home, bank.data.features(), bank.data.access(), bank.catalog.audit(), Clock.systemUTC(),
                IdSource.sequential());
        models = new ModelService(registry, new InMemoryArtifactStore(), training, bank.data.features(), bank.data.access(),
                bank.catalog.audit(), Clock.systemUTC(), IdSource.sequential());
        xgboost = training.train("dana", new TrainingService.Request("overdraft-40d", overdraft.id(), Algorithm.XGBOOST,
                Map.of("rounds", "60", "max_depth", "3")), (r, n, m, v) -> { });
    }

    @Test
    void an_xgboost_run_finds_the_overdraft_signal_the_simulator_planted() {
        assertThat(xgboost.succeeded()).isTrue();
        assertThat(xgboost.metrics().get("test").figure("auc")).isGreaterThan(0.7);
        assertThat(xgboost.provenance().libraries()).containsEntry("xgboost", "3.4.0");
        assertThat(xgboost.importance().values()).anyMatch(gain -> gain > 0);
    }

    @Test
    void gates_run_by_the_platform_validate_a_version_whose_figures_meet_its_spec() {
        // Bounds loose enough for 400 customers whose history starts with the simulation (its windows fill up between as-ofs).
        GateBounds loose = new GateBounds(Optional.empty(), List.of(), Optional.of(new GateBounds.FairnessBound("gender", 0.1, 0.5,
                Optional.empty(), 30)), Optional.of(10.0), Optional.of(0.5), Optional.empty());
        ModelVersion version = submitted(spec(0.6, loose));
        List<GateOutcome> outcomes = models.runGates("mo", "overdraft-40d", version.number(), "req-1");
        assertThat(outcomes).extracting(GateOutcome::gate).containsExactlyElementsOf(PlatformGates.ALL);
        assertThat(outcomes).as(() -> outcomes.stream().map(GateOutcome::detail).toList().toString()).allMatch(GateOutcome::passed);
        ModelVersion after = registry.version("mo", "overdraft-40d", version.number());
        assertThat(after.stage()).isEqualTo(Stage.VALIDATED);
        assertThat(after.latestResultOf("metrics").orElseThrow().figures()).containsKey("auc")
                .containsKey(MetricSpec.segmentFigure("age_band", "18-25", "auc"));
        assertThat(after.latestResultOf("stability").orElseThrow().figures()).containsKey("psi.score");
    }

    @Test
    void a_failed_fairness_gate_blocks_validation_and_names_the_figure_its_bound_and_the_group() {
        GateBounds strict = new GateBounds(Optional.empty(), List.of(), Optional.of(new GateBounds.FairnessBound("gender", 0.1, 0.999,
                Optional.empty(), 1)), Optional.empty(), Optional.empty(), Optional.empty());
        ModelVersion version = submitted(spec(0.6, strict));
        List<GateOutcome> outcomes = models.runGates("mo", "overdraft-40d", version.number(), "req-2");
        GateOutcome fairness = outcomes.stream().filter(o -> o.gate().equals("fairness")).findFirst().orElseThrow();
        assertThat(fairness.passed()).isFalse();
        assertThat(fairness.detail()).contains("adverse-impact ratio").contains("gender=").contains("below the bound 0.999");
        ModelVersion after = registry.version("mo", "overdraft-40d", version.number());
        assertThat(after.stage()).isEqualTo(Stage.CANDIDATE);
        assertThat(after.stageReason()).contains("gate fairness failed");
    }

    @Test
    void platform_gates_are_not_typed_in_and_the_author_does_not_run_them() {
        ModelVersion version = submitted(spec(0.6, GateBounds.NONE));
        assertThatThrownBy(() -> registry.attachEvidence("mo", "overdraft-40d", version.number(), "fairness", Optional.of(true),
                Map.of("min_adverse_impact", 1.0), "typed", "req-3")).hasMessageContaining("is run by Assay, not typed in");
        assertThatThrownBy(() -> registry.attachEvidence("mo", "overdraft-40d", version.number(), "metrics", Optional.empty(),
                Map.of("auc", 0.99), "typed", "req-3")).hasMessageContaining("is run by Assay, not typed in");
        assertThatThrownBy(() -> models.runGates("dana", "overdraft-40d", version.number(), "req-3"))
                .hasMessageContaining("dana");
    }

    @Test
    void a_spec_naming_a_segment_the_training_set_does_not_carry_registers_nothing() {
        int before = registry.versions("dana", "overdraft-40d").size();
        GateBounds floors = new GateBounds(Optional.empty(), List.of(new GateBounds.SegmentFloor("postcode", "auc", 0.6, 10)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> models.registerRun("dana", "overdraft-40d", xgboost.id(), spec(0.6, floors), SPEC_TEXT, Optional.empty(),
                "req-4")).hasMessageContaining("segment postcode").hasMessageContaining("age_band");
        assertThat(registry.versions("dana", "overdraft-40d")).hasSize(before);
    }

    @Test
    void a_version_rebuilt_from_its_lineage_is_identical() {
        ModelVersion version = registry.submit("dana", "overdraft-40d", models.registerRun("dana", "overdraft-40d", xgboost.id(),
                spec(0.6, GateBounds.NONE), SPEC_TEXT, Optional.empty(), "req-5").number(), "req-5");
        ReproduceResult result = models.reproduce("mo", "overdraft-40d", version.number(), "req-6");
        assertThat(result.verdict()).as(String.valueOf(result.differences())).isEqualTo("IDENTICAL");
        assertThat(result.reproducedModelSha256()).isEqualTo(result.registeredModelSha256());
    }

    @Test
    void a_model_trained_elsewhere_is_checked_bundled_and_gated_like_our_own() throws Exception {
        List<String> inputs = List.of("balance_now", "days_below_zero_30d", "overdraft_usage_now");
        byte[] model = trainedElsewhere(inputs);
        BundleSignature signature = signatureOf(inputs);
        ModelVersion version = models.registerExternal("dana", "overdraft-40d", model, signature, overdraft.id(), spec(0.5, loose()),
                SPEC_TEXT, Optional.empty(), "req-7");
        assertThat(version.provenance().runId()).isEqualTo("external");
        registry.submit("dana", "overdraft-40d", version.number(), "req-7");
        List<GateOutcome> outcomes = models.runGates("mo", "overdraft-40d", version.number(), "req-7");
        assertThat(outcomes).extracting(GateOutcome::gate).containsExactlyElementsOf(PlatformGates.ALL);
        assertThat(registry.version("mo", "overdraft-40d", version.number()).latestResultOf("metrics").orElseThrow().figures().get("auc"))
                .isGreaterThan(0.6);
        assertThatThrownBy(() -> models.reproduce("mo", "overdraft-40d", version.number(), "req-7"))
                .hasMessageContaining("trained outside Assay");
    }

    @Test
    void bad_external_models_are_refused_naming_the_problem_and_register_nothing() throws Exception {
        List<String> inputs = List.of("balance_now", "days_below_zero_30d", "overdraft_usage_now");
        byte[] model = trainedElsewhere(inputs);
        int before = registry.versions("dana", "overdraft-40d").size();
        assertThatThrownBy(() -> external(java.util.Arrays.copyOf(model, model.length / 2), signatureOf(inputs)))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> external(new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0}, signatureOf(inputs)))
                .hasMessageContaining("pickle").hasMessageContaining("save_model");
        assertThatThrownBy(() -> external(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5}, signatureOf(inputs)))
                .hasMessageContaining("Java");
        assertThatThrownBy(() -> external(model, signatureOf(inputs.subList(0, 2)))).hasMessageContaining("takes 3 features")
                .hasMessageContaining("signature names 2");
        assertThatThrownBy(() -> external(model, signatureOf(List.of("balance_now", "days_below_zero_30d", "postcode_risk"))))
                .hasMessageContaining("feature names");
        assertThat(registry.versions("dana", "overdraft-40d")).hasSize(before);
    }

    /** Runs last: it replaces a snapshot the other tests' training set was built from. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void a_changed_input_snapshot_is_named_as_the_difference() throws Exception {
        ModelVersion version = registry.submit("dana", "overdraft-40d", models.registerRun("dana", "overdraft-40d", xgboost.id(),
                spec(0.6, GateBounds.NONE), SPEC_TEXT, Optional.empty(), "req-9").number(), "req-9");
        LocalDate day = SimulatedBank.START.plusDays(64);
        List<String> lines = Files.readAllLines(bank.extract.resolve(day.toString()).resolve("accounts.csv"));
        int balance = List.of(lines.get(0).split(",")).indexOf("balance");
        StringBuilder corrected = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            fields[balance] = "-2500.00";
            corrected.append(String.join(",", fields)).append('\n');
        }
        Path file = root.resolve("accounts-corrected.csv");
        Files.writeString(file, corrected);
        // The correction arrives an hour after the bank's nightly load, as a corrected batch would.
        java.time.Clock later = Clock.offset(Clock.fixed(SimulatedBank.START.plusDays(111).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC),
                java.time.ZoneOffset.UTC), java.time.Duration.ZERO);
        io.assay.data.DataEnvironment corrections = new io.assay.data.DataEnvironment(new io.assay.data.DataLayout(bank.home), bank.catalog,
                io.assay.testing.DataFixtures.people(), bank.catalog.audit(), later, IdSource.random(), Optional.of(SimulatedBank.KEY));
        String replaced = corrections.ingest("robot", file, "accounts", day, Optional.empty()).snapshot().id();
        ReproduceResult result = models.reproduce("mo", "overdraft-40d", version.number(), "req-10");
        assertThat(result.verdict()).isEqualTo("DIFFERENT");
        assertThat(result.differences().get(0)).contains("input snapshot accounts-" + day);
        assertThat(result.differences()).anyMatch(d -> d.contains(replaced) && d.contains("read now but was not then"));
    }

    private static ModelVersion external(byte[] model, BundleSignature signature) {
        return models.registerExternal("dana", "overdraft-40d", model, signature, overdraft.id(), spec(0.5, GateBounds.NONE), SPEC_TEXT,
                Optional.empty(), "req-8");
    }

    private static BundleSignature signatureOf(List<String> inputs) {
        return new BundleSignature("probability", inputs.stream().map(name -> new BundleSignature.Input(name, BundleSignature.Type.DOUBLE,
                true, null, null)).toList());
    }

    /** A model as a data scientist's notebook would make it: XGBoost on some of the training set's columns, saved as JSON. */
    private static byte[] trainedElsewhere(List<String> inputs) throws Exception {
        io.assay.train.data.TrainingData data = io.assay.train.data.TrainingData.read(overdraft, bank.data.features().dataFile(overdraft))
                .without(overdraft.features().stream().filter(f -> !inputs.contains(f)).toList());
        ml.dmlc.xgboost4j.java.DMatrix matrix = io.assay.train.model.XGBoostTrainer.matrix(data.split("train"), data.featureCount());
        ml.dmlc.xgboost4j.java.Booster booster = ml.dmlc.xgboost4j.java.XGBoost.train(matrix, Map.of("objective", "binary:logistic",
                "max_depth", 3, "seed", 1, "nthread", 1), 20, Map.of(), null, null);
        booster.setFeatureNames(data.features().toArray(String[]::new));
        byte[] json = booster.toByteArray("json");
        booster.dispose();
        matrix.dispose();
        return json;
    }

    private static GateBounds loose() {
        return new GateBounds(Optional.empty(), List.of(), Optional.of(new GateBounds.FairnessBound("gender", 0.1, 0.3, Optional.empty(), 30)),
                Optional.of(10.0), Optional.of(0.5), Optional.empty());
    }

    private static ModelVersion submitted(MetricSpec spec) {
        ModelVersion version = models.registerRun("dana", "overdraft-40d", xgboost.id(), spec, SPEC_TEXT, Optional.empty(), "req");
        assertThat(version.artifact().format()).isEqualTo(PlatformGates.BUNDLE_FORMAT);
        return registry.submit("dana", "overdraft-40d", version.number(), "req");
    }

    private static MetricSpec spec(double auc, GateBounds bounds) {
        return new MetricSpec(List.of(new MetricThreshold("auc", MetricThreshold.Comparison.AT_LEAST, auc)), bounds);
    }
}
