package io.assay.train;

import io.assay.core.access.Permission;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditLog;
import io.assay.core.common.IdSource;
import io.assay.core.data.DataAccessService;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.ArtifactRef;
import io.assay.core.registry.ArtifactStore;
import io.assay.core.registry.FeatureSpec;
import io.assay.core.registry.MetricSpec;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.ModelSignature;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.PlatformGates;
import io.assay.core.registry.Provenance;
import io.assay.core.registry.Stage;
import io.assay.data.features.FeatureBuild;
import io.assay.data.features.FeatureEngine;
import io.assay.data.features.TrainingSet;
import io.assay.scoring.bundle.BundleFiles;
import io.assay.scoring.bundle.BundleProvenance;
import io.assay.scoring.bundle.BundleSignature;
import io.assay.scoring.bundle.ModelBundle;
import io.assay.scoring.bundle.ModelFormat;
import io.assay.train.data.TrainingData;
import io.assay.train.gates.GateOutcome;
import io.assay.train.gates.GateRunner;
import io.assay.train.model.Algorithm;
import io.assay.train.model.TrainingParameters;
import io.assay.train.model.TrainingProgress;
import io.assay.train.run.BuildInfo;
import io.assay.train.run.Run;
import io.assay.train.run.RunStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Trained models into the registry and through the platform's gates: a run's model bundled with
 * the metric spec its data scientist wrote and registered as a DRAFT; the gates the use case
 * requires run on the bundle and the data environment, each result attached as evidence; and a
 * version rebuilt from its lineage and compared bit for bit.
 */
public final class ModelService {
    private final ModelRegistry registry;
    private final ArtifactStore artifacts;
    private final TrainingService training;
    private final FeatureEngine features;
    private final DataAccessService access;
    private final AuditLog audit;
    private final Clock clock;
    private final IdSource ids;

    public ModelService(ModelRegistry registry, ArtifactStore artifacts, TrainingService training, FeatureEngine features,
                        DataAccessService access, AuditLog audit, Clock clock, IdSource ids) {
        this.registry = requireNonNull(registry, "registry is null");
        this.artifacts = requireNonNull(artifacts, "artifacts is null");
        this.training = requireNonNull(training, "training is null");
        this.features = requireNonNull(features, "features is null");
        this.access = requireNonNull(access, "access is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    /** The engine a gate's evidence names: this build of Assay. */
    public static String engine() {
        Map<String, String> build = BuildInfo.libraries();
        return "assay-gates " + build.get("assay") + " " + build.get("assay_commit");
    }

    /**
     * Registers a run's model as a new DRAFT version: bundled with its signature, provenance,
     * reference profile and {@code specDocument} (the metric spec as written), stored once under
     * its hash. Checked whole before anything is stored: the run succeeded and is of this use
     * case, and every segment and protected attribute the spec names is one the run's rows carry.
     */
    public ModelVersion registerRun(String actor, String useCase, String runId, MetricSpec spec, byte[] specDocument,
                                    Optional<Integer> reworks, String requestId) {
        registry.require(actor, Permission.BUILD_MODELS);
        Run run = training.run(actor, runId);
        if (!run.useCase().equals(useCase)) {
            throw AssayException.invalid("run " + run.id() + " is of use case " + run.useCase() + ", not " + useCase);
        }
        if (!actor.equals(run.trainedBy())) {
            // The author of a version is who made the model: otherwise its trainer could gate and review it as someone else's.
            throw new AssayException(ErrorCode.SEGREGATION_OF_DUTIES, "run " + run.id() + " was trained by " + run.trainedBy()
                    + "; only they register its model");
        }
        RunStore.Artifacts made = training.artifacts(actor, run);
        TrainingSet set = features.trainingSet(actor, run.trainsetId());
        requireKnownAttributes(actor, useCase, spec, set);
        ModelBundle bundle = new ModelBundle(useCase, ModelFormat.of(run.modelFormat()), made.model(), made.signature(), run.provenance(),
                made.reference(), specDocument);
        return register(actor, useCase, bundle, spec, reworks, requestId);
    }

    /**
     * Registers an XGBoost JSON model trained elsewhere (in Python, say) as a new DRAFT version.
     * Its bytes are checked in pure Java before anything else reads them (structure, trees and
     * nodes, limits, feature indices against the signature); the signature must name features of
     * the training set whose out-of-time rows will gate it, and the reference profile is taken from
     * that set's train split through the compiled scorer. It has no lineage to rebuild.
     */
    public ModelVersion registerExternal(String actor, String useCase, byte[] modelJson, BundleSignature signature, String trainsetId,
                                         MetricSpec spec, byte[] specDocument, Optional<Integer> reworks, String requestId) {
        registry.require(actor, Permission.BUILD_MODELS);
        io.assay.scoring.xgboost.TreeEnsemble ensemble = io.assay.scoring.xgboost.XGBoostJson.read(modelJson);
        if (ensemble.featureCount() != signature.inputs().size()) {
            throw AssayException.invalid("the model takes " + ensemble.featureCount() + " features but its signature names "
                    + signature.inputs().size());
        }
        requireAllTreesUsed(modelJson, ensemble);
        if (!ensemble.featureNames().isEmpty() && !ensemble.featureNames().equals(signature.names())) {
            throw AssayException.invalid("the model's own feature names " + ensemble.featureNames() + " are not the signature's "
                    + signature.names() + " (same names, same order)");
        }
        TrainingSet set = features.trainingSet(actor, trainsetId);
        if (!set.useCase().equals(useCase)) {
            throw AssayException.invalid("training set " + set.id() + " is of use case " + set.useCase() + ", not " + useCase);
        }
        for (String name : signature.names()) {
            if (!set.features().contains(name)) {
                throw AssayException.invalid("the signature names input " + name + ", which training set " + set.id()
                        + " does not hold: the platform could not gate or serve it");
            }
        }
        requireKnownAttributes(actor, useCase, spec, set);
        features.authoriseRead(actor, set, "reference profile of an external model of " + useCase);
        TrainingData all = TrainingData.read(set, features.dataFile(set));
        TrainingData data = all.without(set.features().stream().filter(f -> !signature.names().contains(f)).toList());
        float[] trainRows = io.assay.train.gates.GateRunner.rowsFor(signature.names(), data, data.split("train"));
        float[] margins = new float[data.split("train").rowCount()];
        ensemble.margins(trainRows, margins.length, margins);
        double[] probabilities = new double[margins.length];
        for (int r = 0; r < margins.length; r++) {
            probabilities[r] = io.assay.scoring.Scorer.probability(margins[r]);
        }
        io.assay.scoring.bundle.ReferenceProfile reference = io.assay.train.run.Evaluation.reference(reordered(data, signature.names()),
                probabilities);
        Map<String, String> libraries = new TreeMap<>(Map.of("xgboost", ensemble.xgboostVersion().toString(), "source", "external"));
        BundleProvenance provenance = new BundleProvenance("external", "xgboost", set.id(), set.contentSha256(), set.labelSqlSha256(),
                set.labelInputsSha256(), set.featureBuilds(), List.of(), set.population(), training.snapshotsOf(set), Map.of(), 0, 0, libraries);
        ModelBundle bundle = new ModelBundle(useCase, ModelFormat.XGBOOST_JSON, modelJson, signature, provenance, reference, specDocument);
        return register(actor, useCase, bundle, spec, reworks, requestId);
    }

    /**
     * A model saved after early stopping in Python holds the rounds after its best one too, and
     * predicts with the best only; scoring every tree would serve a model nobody validated.
     */
    private static void requireAllTreesUsed(byte[] modelJson, io.assay.scoring.xgboost.TreeEnsemble ensemble) {
        try {
            com.fasterxml.jackson.databind.JsonNode best = new com.fasterxml.jackson.databind.ObjectMapper().readTree(modelJson)
                    .path("learner").path("attributes").path("best_iteration");
            if (!best.isMissingNode() && best.asInt(-1) >= 0 && ensemble.treeCount() > best.asInt() + 1) {
                throw AssayException.invalid("the model holds " + ensemble.treeCount() + " trees but its best_iteration is " + best.asText()
                        + ": it was saved after early stopping and predicts with the first " + (best.asInt() + 1) + " only; save those "
                        + "alone (booster[: best_iteration + 1].save_model(\"model.json\")) so Assay serves what was validated");
            }
        } catch (java.io.IOException e) {
            throw AssayException.invalid("the model is not JSON: " + e.getMessage());
        }
    }

    /** The rows with their features in {@code names}' order, so profiles line up with the signature. */
    private static TrainingData reordered(TrainingData data, List<String> names) {
        if (data.features().equals(names)) {
            return data;
        }
        Map<String, TrainingData.Split> splits = new java.util.LinkedHashMap<>();
        data.splits().forEach((name, split) -> splits.put(name, new TrainingData.Split(name, split.rowCount(),
                io.assay.train.gates.GateRunner.rowsFor(names, data, split), split.labels(), split.attributes())));
        return new TrainingData(data.set(), names, names.stream().map(n -> data.types().get(data.features().indexOf(n))).toList(), splits);
    }

    private ModelVersion register(String actor, String useCase, ModelBundle bundle, MetricSpec spec, Optional<Integer> reworks,
                                  String requestId) {
        io.assay.scoring.bundle.ModelScorers.compile(bundle);
        byte[] bytes = BundleFiles.write(bundle);
        ArtifactRef artifact;
        try (ArtifactStore.Upload upload = artifacts.upload()) {
            upload.write(bytes, 0, bytes.length);
            artifact = upload.commit(PlatformGates.BUNDLE_FORMAT);
        }
        return registry.registerVersion(actor, useCase, artifact, coreSignature(bundle.signature()), coreProvenance(bundle.provenance()),
                spec, reworks, requestId);
    }

    /** The bundle a version was registered with, read back and checked part by part. */
    public ModelBundle bundle(String actor, String useCase, int number) {
        ModelVersion version = registry.version(actor, useCase, number);
        return bundleOf(version);
    }

    private ModelBundle bundleOf(ModelVersion version) {
        if (!version.artifact().format().equals(PlatformGates.BUNDLE_FORMAT)) {
            throw AssayException.invalid(version.label() + " was registered from a bare model file (" + version.artifact().format()
                    + "), not a model bundle: register a training run's model (models register --run) to have Assay gate it");
        }
        byte[] bytes = artifacts.read(version.artifact().sha256()).orElseThrow(() -> new AssayException(ErrorCode.STORAGE_FAILURE,
                "the bundle of " + version.label() + " (" + version.artifact().sha256() + ") is missing from the artifact store"));
        ModelBundle bundle = BundleFiles.read(bytes);
        if (!bundle.useCase().equals(version.useCase())) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "the bundle of " + version.label() + " is of use case " + bundle.useCase());
        }
        return bundle;
    }

    /**
     * Runs every platform gate the use case requires on a CANDIDATE (or later) version and attaches
     * each result as evidence, figures and all; the version becomes VALIDATED when all have passed.
     */
    public List<GateOutcome> runGates(String actor, String useCase, int number, String requestId) {
        registry.require(actor, Permission.RUN_GATES);
        ModelVersion version = registry.version(actor, useCase, number);
        List<String> gates = registry.useCase(actor, useCase).reviewPolicy().requiredGates().stream().filter(PlatformGates.ALL::contains)
                .toList();
        if (gates.isEmpty()) {
            throw AssayException.invalid("use case " + useCase + " requires none of the gates Assay runs (" + PlatformGates.ALL
                    + "); define it with --gates " + String.join(",", PlatformGates.ALL));
        }
        if (version.stage() == Stage.DRAFT) {
            throw new AssayException(ErrorCode.ILLEGAL_TRANSITION, version.label() + " is a DRAFT: submit it first (its metric spec is "
                    + "frozen then), with: assay models submit " + useCase + " " + number);
        }
        // Who may attach evidence to it, and whether it takes any now, is asked before a row is read.
        new io.assay.core.registry.LifecyclePolicy().checkAttachEvidence(version, registry.require(actor, Permission.ATTACH_EVIDENCE));
        ModelBundle bundle = bundleOf(version);
        TrainingSet set = features.trainingSet(actor, bundle.provenance().trainsetId());
        if (!set.useCase().equals(useCase)) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "the bundle of " + version.label() + " names training set " + set.id()
                    + " of use case " + set.useCase());
        }
        features.authoriseRead(actor, set, "gates of " + version.label() + " on " + set.id());
        TrainingData data = TrainingData.read(set, features.dataFile(set));
        Optional<ModelVersion> inProduction = gates.contains(PlatformGates.CHAMPION) ? registry.versions(actor, useCase).stream()
                .filter(v -> v.stage() == Stage.PRODUCTION && v.number() != number).findFirst() : Optional.empty();
        Optional<GateRunner.ChampionModel> champion = inProduction.map(v -> new GateRunner.ChampionModel(v.number(),
                v.artifact().format().equals(PlatformGates.BUNDLE_FORMAT) ? Optional.of(bundleOf(v)) : Optional.empty()));
        List<GateOutcome> outcomes = new GateRunner().run(gates, bundle, version.metricSpec(), data, champion);
        for (GateOutcome outcome : outcomes) {
            registry.recordGateRun(actor, useCase, number, outcome.gate(), outcome.passed(), outcome.figures(), engine(), outcome.detail(),
                    requestId);
        }
        ModelVersion after = registry.version(actor, useCase, number);
        return outcomes.stream().map(o -> new GateOutcome(o.gate(), after.latestResultOf(o.gate()).map(r -> r.passed()).orElse(o.passed()),
                o.figures(), o.gate().equals(PlatformGates.METRICS) ? after.metricSpec().judge(o.figures()).summary() : o.detail())).toList();
    }

    /**
     * Rebuilds a version's training set from the recorded as-of dates and population, retrains
     * with the recorded algorithm, parameters, seed and thread count, and compares the model's
     * SHA-256 with the registered one, naming the first difference when they differ.
     */
    public ReproduceResult reproduce(String actor, String useCase, int number, String requestId) {
        access.require(actor, Permission.REPRODUCE_MODELS);
        ModelVersion version = registry.version(actor, useCase, number);
        ModelBundle bundle = bundleOf(version);
        BundleProvenance recorded = bundle.provenance();
        if (recorded.asOfs().isEmpty() || recorded.runId().equals("external")) {
            throw AssayException.invalid(version.label() + " was trained outside Assay: it has no lineage to rebuild");
        }
        List<LocalDate> asOfs = recorded.asOfs().stream().map(LocalDate::parse).toList();
        TrainingSet rebuilt = features.buildTrainingSet(actor, useCase, asOfs, Optional.of(recorded.population())).value();
        features.authoriseRead(actor, rebuilt, "reproduction of " + version.label());
        TrainingParameters parameters = TrainingParameters.resolve(Algorithm.of(recorded.algorithm()), recorded.parameters());
        TrainingService.Trained trained = training.fit(rebuilt, parameters, TrainingProgress.SILENT);
        String reproduced = ModelBundle.sha256(trained.model().model());
        boolean identical = reproduced.equals(bundle.modelSha256());
        List<String> differences = identical ? List.of() : differences(recorded, rebuilt, training.provenance(recorded.runId(), rebuilt,
                parameters, trained.model()));
        ReproduceResult result = new ReproduceResult(useCase, number, identical, bundle.modelSha256(), reproduced, recorded.trainsetId(),
                rebuilt.id(), differences);
        audit.append(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MICROS), actor, "model.reproduce", ModelRegistry.subjectOf(version),
                bundle.modelSha256(), reproduced, result.verdict() + (identical ? "" : ": " + differences.get(0)), requestId));
        return result;
    }

    /** What differs between the recorded lineage and the rebuilt one: inputs first, then the definitions, the parameters, the libraries. */
    private static List<String> differences(BundleProvenance recorded, TrainingSet rebuilt, BundleProvenance now) {
        List<String> differences = new ArrayList<>();
        Map<String, String> before = new TreeMap<>(recorded.snapshots());
        Map<String, String> after = new TreeMap<>(now.snapshots());
        before.forEach((snapshot, sha) -> {
            if (!after.containsKey(snapshot)) {
                differences.add("input snapshot " + snapshot + " (sha256 " + sha.substring(0, 12) + ") is no longer what the as-of dates read");
            } else if (!after.get(snapshot).equals(sha)) {
                differences.add("input snapshot " + snapshot + " changed: sha256 " + sha.substring(0, 12) + " then, "
                        + after.get(snapshot).substring(0, 12) + " now");
            }
        });
        after.keySet().stream().filter(s -> !before.containsKey(s)).forEach(s -> differences.add("input snapshot " + s
                + " is read now but was not then"));
        if (!recorded.labelSqlSha256().equals(rebuilt.labelSqlSha256())) {
            differences.add("the label definition changed: sha256 " + recorded.labelSqlSha256().substring(0, 12) + " then, "
                    + rebuilt.labelSqlSha256().substring(0, 12) + " now");
        }
        if (!recorded.labelInputsSha256().equals(rebuilt.labelInputsSha256())) {
            differences.add("the label's inputs changed (sha256 " + recorded.labelInputsSha256().substring(0, 12) + " then, "
                    + rebuilt.labelInputsSha256().substring(0, 12) + " now)");
        }
        if (!recorded.featureBuilds().equals(rebuilt.featureBuilds())) {
            differences.add("the feature builds differ: " + recorded.featureBuilds() + " then, " + rebuilt.featureBuilds() + " now");
        }
        if (!recorded.trainsetSha256().equals(rebuilt.contentSha256())) {
            differences.add("the training set differs: " + recorded.trainsetId() + " then, " + rebuilt.id() + " now");
        }
        new TreeMap<>(recorded.libraries()).forEach((library, version) -> {
            String current = now.libraries().get(library);
            if (!version.equals(current)) {
                differences.add("library " + library + " was " + version + ", is " + current);
            }
        });
        if (differences.isEmpty()) {
            differences.add("the same inputs, parameters and libraries gave a different model: the training is not deterministic here");
        }
        return differences;
    }

    private void requireKnownAttributes(String actor, String useCase, MetricSpec spec, TrainingSet set) {
        List<String> attributes = set.attributes();
        boolean fairnessRequired = registry.useCase(actor, useCase).reviewPolicy().requiredGates().contains(PlatformGates.FAIRNESS);
        String protectedAttribute = spec.bounds().fairness().orElse(io.assay.core.registry.GateBounds.FairnessBound.defaults()).attribute();
        if (fairnessRequired && !attributes.contains(protectedAttribute)) {
            throw AssayException.invalid("use case " + useCase + " requires the fairness gate, whose protected attribute "
                    + protectedAttribute + " training set " + set.id() + " does not carry; its attributes are " + attributes
                    + " (name one with fairness.attribute)");
        }
        spec.bounds().segmentFloors().forEach(floor -> {
            if (!attributes.contains(floor.attribute())) {
                throw AssayException.invalid("the metric spec sets a floor on segment " + floor.attribute() + ", which training set " + set.id()
                        + " does not carry; its segments are " + attributes);
            }
        });
        spec.bounds().fairness().ifPresent(fairness -> {
            if (!attributes.contains(fairness.attribute())) {
                throw AssayException.invalid("the metric spec's protected attribute " + fairness.attribute() + " is not carried by training set "
                        + set.id() + "; its attributes are " + attributes);
            }
        });
    }

    static ModelSignature coreSignature(BundleSignature signature) {
        List<FeatureSpec> features = signature.inputs().stream().map(input -> new FeatureSpec(input.name(),
                input.type() == BundleSignature.Type.BOOLEAN ? FeatureSpec.Type.BOOLEAN : FeatureSpec.Type.NUMERIC, Optional.empty(),
                Optional.empty(), List.of())).toList();
        return new ModelSignature(features, signature.output());
    }

    static Provenance coreProvenance(BundleProvenance provenance) {
        Map<String, String> parameters = new TreeMap<>(provenance.parameters());
        // The registry records parameters that say something; an empty one (no features excluded) is the default.
        parameters.values().removeIf(String::isBlank);
        parameters.put("algorithm", provenance.algorithm());
        Map<String, String> libraries = new TreeMap<>(provenance.libraries());
        return new Provenance(provenance.runId(), provenance.snapshots(), parameters, provenance.seed(), libraries);
    }
}
