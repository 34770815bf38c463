package io.assay.train;

import io.assay.core.access.Permission;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditLog;
import io.assay.core.common.IdSource;
import io.assay.core.data.DataAccessService;
import io.assay.core.data.DataRead;
import io.assay.core.error.AssayException;
import io.assay.data.features.FeatureBuild;
import io.assay.data.features.FeatureEngine;
import io.assay.data.features.TrainingSet;
import io.assay.scoring.Scorer;
import io.assay.scoring.bundle.BundleProvenance;
import io.assay.scoring.bundle.BundleSignature;
import io.assay.scoring.bundle.ModelScorers;
import io.assay.scoring.bundle.ReferenceProfile;
import io.assay.train.data.TrainingData;
import io.assay.train.model.Algorithm;
import io.assay.train.model.LogisticTrainer;
import io.assay.train.model.TrainedModel;
import io.assay.train.model.TrainingParameters;
import io.assay.train.model.TrainingProgress;
import io.assay.train.model.XGBoostTrainer;
import io.assay.train.run.BuildInfo;
import io.assay.train.run.Evaluation;
import io.assay.train.run.Run;
import io.assay.train.run.RunStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Training runs on one Assay home: train a model on a training set (a logged read under the
 * trainer's grants), judge it through the compiled scorer, and record the run, whole and once.
 * A run that fails after it started (bad parameters, a trainer error) is recorded as FAILED with
 * its reason; a request refused before (no permission, no grant, no such training set) is not a
 * run, only an audit event.
 */
public final class TrainingService {
    /** What every model answers: the probability of the use case's label. */
    public static final String OUTPUT = "probability";

    private final FeatureEngine features;
    private final DataAccessService access;
    private final AuditLog audit;
    private final RunStore runs;
    private final Clock clock;
    private final IdSource ids;

    public TrainingService(Path home, FeatureEngine features, DataAccessService access, AuditLog audit, Clock clock, IdSource ids) {
        this.features = requireNonNull(features, "features is null");
        this.access = requireNonNull(access, "access is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.runs = new RunStore(requireNonNull(home, "home is null"));
        this.clock = requireNonNull(clock, "clock is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    /** What a run was asked to do: the use case, the training set, the algorithm and the parameters as given. */
    public record Request(String useCase, String trainsetId, Algorithm algorithm, Map<String, String> parameters) {
        public Request {
            requireNonNull(useCase, "use case is null");
            requireNonNull(trainsetId, "training set is null");
            requireNonNull(algorithm, "algorithm is null");
            parameters = Map.copyOf(requireNonNull(parameters, "parameters is null"));
        }
    }

    public Run train(String actor, Request request, TrainingProgress progress) {
        access.require(actor, Permission.TRAIN_MODELS);
        TrainingSet set = features.trainingSet(actor, request.trainsetId());
        if (!set.useCase().equals(request.useCase())) {
            throw AssayException.invalid("training set " + set.id() + " is of use case " + set.useCase() + ", not " + request.useCase());
        }
        DataRead read = features.authoriseRead(actor, set, "training run of " + request.useCase() + " on " + set.id());
        Instant started = now();
        try {
            TrainingParameters parameters = TrainingParameters.resolve(request.algorithm(), request.parameters());
            Trained trained = fit(set, parameters, progress);
            BundleProvenance provenance = provenance("(assigned)", set, parameters, trained.model());
            Run run = runs.write(request.useCase(), id -> succeeded(id, actor, set, parameters, started, trained,
                    withRunId(provenance, id), read), Optional.of(new RunStore.Artifacts(trained.model().model(), trained.signature(),
                    trained.reference())));
            record(actor, run, "model sha256:" + run.modelSha256());
            return run;
        } catch (AssayException e) {
            if (e.code() == io.assay.core.error.ErrorCode.STORAGE_FAILURE) {
                throw e; // the home could not take the run: recording it as failed would fail the same way, and it did not fail
            }
            throw failed(actor, request, set, read, started, e);
        } catch (IllegalStateException | IllegalArgumentException | OutOfMemoryError e) {
            throw failed(actor, request, set, read, started, e);
        }
    }

    /** Records the run as FAILED with its reason and answers the error that names it. */
    private AssayException failed(String actor, Request request, TrainingSet set, DataRead read, Instant started, Throwable e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Run failed = runs.write(request.useCase(), id -> new Run(Run.FORMAT, id, request.useCase(), Run.Status.FAILED, reason,
                request.algorithm().wireName(), set.id(), request.parameters(), actor, started, now(), null, null, null, null, null,
                null, null, null, null, null, read.id()), Optional.empty());
        record(actor, failed, "failed");
        return AssayException.invalid(reason + " (recorded as failed run " + failed.id() + ")");
    }

    public List<Run> runs(String actor, Optional<String> useCase) {
        access.require(actor, Permission.READ_REGISTRY);
        return runs.list(useCase);
    }

    public Run run(String actor, String id) {
        access.require(actor, Permission.READ_REGISTRY);
        return runs.run(id);
    }

    /** The model, signature and reference profile a succeeded run left. */
    public RunStore.Artifacts artifacts(String actor, Run run) {
        access.require(actor, Permission.READ_REGISTRY);
        return runs.artifacts(run);
    }

    /** A model fitted and judged: what a run records and what reproduce compares. */
    public record Trained(TrainedModel model, Scorer scorer, BundleSignature signature, ReferenceProfile reference,
                          Map<String, Run.SplitMetrics> metrics, Map<String, Map<String, Map<String, Run.SplitMetrics>>> segments) {
    }

    /** Reads the set, fits the model and judges it through the compiled scorer. */
    public Trained fit(TrainingSet set, TrainingParameters parameters, TrainingProgress progress) {
        TrainingData data = TrainingData.read(set, features.dataFile(set)).without(parameters.excluded());
        TrainedModel model = switch (parameters.algorithm()) {
            case XGBOOST -> new XGBoostTrainer().train(data, parameters, progress);
            case LOGISTIC -> new LogisticTrainer().train(data, parameters, progress);
        };
        Scorer scorer = ModelScorers.compile(model.format(), model.model());
        double[] trainProbabilities = Evaluation.probabilities(scorer, data.split("train"));
        ReferenceProfile reference = Evaluation.reference(data, trainProbabilities);
        Map<String, Run.SplitMetrics> metrics = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Run.SplitMetrics>>> segments = new LinkedHashMap<>();
        for (String split : Run.JUDGED) {
            TrainingData.Split rows = data.split(split);
            double[] probabilities = Evaluation.probabilities(scorer, rows);
            metrics.put(split, Evaluation.metrics(probabilities, rows.labels()));
            segments.put(split, Evaluation.segments(probabilities, rows));
        }
        return new Trained(model, scorer, Evaluation.signature(OUTPUT, data, reference), reference, metrics, segments);
    }

    /** How the model was made: the training set and everything under it, the parameters, and every library's version. */
    public BundleProvenance provenance(String runId, TrainingSet set, TrainingParameters parameters, TrainedModel model) {
        Map<String, String> snapshots = snapshotsOf(set);
        Map<String, String> libraries = new TreeMap<>(BuildInfo.libraries());
        libraries.putAll(model.libraries());
        libraries.put("feature_engine", set.engine());
        return new BundleProvenance(runId, parameters.algorithm().wireName(), set.id(), set.contentSha256(), set.labelSqlSha256(),
                set.labelInputsSha256(), set.featureBuilds(), set.asOfs().stream().map(a -> a.asOf().toString()).toList(),
                set.population(), snapshots, parameters.values(), parameters.seed(), parameters.nthread(), libraries);
    }

    /** The snapshots a training set was built from: id to content hash. */
    public Map<String, String> snapshotsOf(TrainingSet set) {
        Map<String, String> snapshots = new TreeMap<>();
        for (FeatureBuild.Input input : features.inputsOf(set)) {
            snapshots.put(input.snapshotId(), input.contentSha256());
        }
        return snapshots;
    }

    private static BundleProvenance withRunId(BundleProvenance p, String id) {
        return new BundleProvenance(id, p.algorithm(), p.trainsetId(), p.trainsetSha256(), p.labelSqlSha256(), p.labelInputsSha256(),
                p.featureBuilds(), p.asOfs(), p.population(), p.snapshots(), p.parameters(), p.seed(), p.nthread(), p.libraries());
    }

    private Run succeeded(String id, String actor, TrainingSet set, TrainingParameters parameters, Instant started, Trained trained,
                          BundleProvenance provenance, DataRead read) {
        TrainedModel model = trained.model();
        return new Run(Run.FORMAT, id, set.useCase(), Run.Status.SUCCEEDED, null, parameters.algorithm().wireName(), set.id(),
                parameters.values(), actor, started, now(), model.format().wireName(), io.assay.scoring.bundle.ModelBundle.sha256(model.model()),
                model.bestRound(), model.roundsTrained(), model.curveMetric(), model.curve(), trained.metrics(), trained.segments(),
                model.importance(), provenance, read.id());
    }

    private void record(String actor, Run run, String after) {
        audit.append(new AuditEntry(now(), actor, "train.run", "run:" + run.id(), "-", after,
                run.succeeded() ? "trained on " + run.trainsetId() : "failed: " + run.failure(), ids.next("req")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
