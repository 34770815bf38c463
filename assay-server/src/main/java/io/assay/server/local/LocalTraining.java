package io.assay.server.local;

import io.assay.api.ModelSpec;
import io.assay.api.Parse;
import io.assay.api.Requests;
import io.assay.api.TrainingApi;
import io.assay.api.TrainingViews.DecileView;
import io.assay.api.TrainingViews.GateView;
import io.assay.api.TrainingViews.GatesView;
import io.assay.api.TrainingViews.MetricsView;
import io.assay.api.TrainingViews.ProvenanceView;
import io.assay.api.TrainingViews.ReproduceView;
import io.assay.api.TrainingViews.RunView;
import io.assay.api.VersionView;
import io.assay.api.Views;
import io.assay.core.registry.MetricSpec;
import io.assay.core.registry.ModelVersion;
import io.assay.scoring.bundle.BundleFiles;
import io.assay.scoring.bundle.BundleProvenance;
import io.assay.train.ReproduceResult;
import io.assay.train.TrainingService;
import io.assay.train.gates.GateOutcome;
import io.assay.train.model.Algorithm;
import io.assay.train.model.TrainingProgress;
import io.assay.train.run.Run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Training, registration of trained models, gates and reproduction in-process, acting as one
 * named person: one call on the training or model service (which asks the core who may),
 * answered with wire records. It serves the local CLI (with progress) and the server's routes.
 */
public final class LocalTraining implements TrainingApi {
    private final Services services;
    private final String actor;
    private final String requestId;
    private final TrainingProgress progress;

    public LocalTraining(Services services, String actor, String requestId, TrainingProgress progress) {
        this.services = requireNonNull(services, "services is null");
        this.actor = requireNonNull(actor, "actor is null");
        this.requestId = requireNonNull(requestId, "requestId is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    @Override
    public RunView train(Requests.Train request) {
        Parse.required("body", request);
        Algorithm algorithm = Algorithm.of(request.algorithm().orElse(Algorithm.XGBOOST.wireName()));
        Run run = services.training().train(actor, new TrainingService.Request(Parse.required("use case", request.useCase()),
                Parse.required("training set", request.trainsetId()), algorithm, request.parameters().orElse(Map.of())), progress);
        return view(run);
    }

    @Override
    public List<RunView> runs(Optional<String> useCase) {
        return services.training().runs(actor, useCase).stream().map(LocalTraining::view).toList();
    }

    @Override
    public RunView run(String id) {
        return view(services.training().run(actor, id));
    }

    @Override
    public VersionView registerRun(String useCase, Requests.RegisterRun request) {
        Parse.required("body", request);
        MetricSpec spec = ModelSpec.parseMetricSpec(Parse.required("spec", request.spec()), "metric spec");
        ModelVersion version = services.models().registerRun(actor, useCase, Parse.required("run", request.runId()), spec,
                BundleFiles.json(request.spec()), request.reworks(), requestId);
        return Views.version(version, services.registry().useCase(actor, useCase));
    }

    @Override
    public VersionView registerExternal(String useCase, Requests.RegisterExternal request) {
        Parse.required("body", request);
        services.registry().require(actor, io.assay.core.access.Permission.BUILD_MODELS);
        MetricSpec spec = ModelSpec.parseMetricSpec(Parse.required("spec", request.spec()), "metric spec");
        io.assay.scoring.bundle.BundleSignature signature = io.assay.scoring.bundle.BundleSignature.parse(
                Parse.required("signature", request.signature()), "signature");
        String sha256 = Parse.required("artifact_sha256", request.artifactSha256());
        byte[] model = services.artifacts().read(sha256).orElseThrow(() -> io.assay.core.error.AssayException.notFound("no stored artifact "
                + io.assay.core.common.Names.quoted(sha256) + "; store the model file first"));
        ModelVersion version = services.models().registerExternal(actor, useCase, model, signature,
                Parse.required("trainset", request.trainsetId()), spec, BundleFiles.json(request.spec()), request.reworks(), requestId);
        return Views.version(version, services.registry().useCase(actor, useCase));
    }

    @Override
    public GatesView runGates(String useCase, int number) {
        List<GateOutcome> outcomes = services.models().runGates(actor, useCase, number, requestId);
        ModelVersion after = services.registry().version(actor, useCase, number);
        return new GatesView(useCase, number, after.stage().name(), after.stageReason(),
                outcomes.stream().map(o -> new GateView(o.gate(), o.passed(), o.detail(), o.figures())).toList());
    }

    @Override
    public ReproduceView reproduce(String useCase, int number) {
        ReproduceResult result = services.models().reproduce(actor, useCase, number, requestId);
        return new ReproduceView(result.useCase(), result.version(), result.verdict(), result.registeredModelSha256(),
                result.reproducedModelSha256(), result.registeredTrainset(), result.rebuiltTrainset(), result.differences());
    }

    @Override
    public void close() {
        // the composition root owns the services
    }

    static RunView view(Run run) {
        Map<String, Map<String, Map<String, MetricsView>>> segments = null;
        if (run.segments() != null) {
            segments = new LinkedHashMap<>();
            for (var split : run.segments().entrySet()) {
                Map<String, Map<String, MetricsView>> attributes = new LinkedHashMap<>();
                split.getValue().forEach((attribute, values) -> {
                    Map<String, MetricsView> perValue = new LinkedHashMap<>();
                    values.forEach((value, metrics) -> perValue.put(value, metrics(metrics)));
                    attributes.put(attribute, perValue);
                });
                segments.put(split.getKey(), attributes);
            }
        }
        Map<String, MetricsView> metrics = null;
        if (run.metrics() != null) {
            metrics = new LinkedHashMap<>();
            for (var split : run.metrics().entrySet()) {
                metrics.put(split.getKey(), metrics(split.getValue()));
            }
        }
        return new RunView(run.id(), run.useCase(), run.status().name(), run.failure(), run.algorithm(), run.trainsetId(), run.parameters(),
                run.trainedBy(), run.startedAt(), run.finishedAt(), run.modelFormat(), run.modelSha256(), run.bestRound(), run.roundsTrained(),
                run.curveMetric(), run.curve(), metrics, segments, run.importance(), provenance(run.provenance()), run.readId());
    }

    private static MetricsView metrics(Run.SplitMetrics metrics) {
        return new MetricsView(metrics.figures(), metrics.calibration() == null ? null : metrics.calibration().stream()
                .map(d -> new DecileView(d.rows(), d.positives(), d.meanPredicted(), d.observedRate())).toList(), metrics.note());
    }

    private static ProvenanceView provenance(BundleProvenance p) {
        if (p == null) {
            return null;
        }
        return new ProvenanceView(p.runId(), p.algorithm(), p.trainsetId(), p.trainsetSha256(), p.labelSqlSha256(), p.labelInputsSha256(),
                p.featureBuilds(), p.asOfs(), p.population(), p.snapshots(), p.parameters(), p.seed(), p.nthread(), p.libraries());
    }
}
