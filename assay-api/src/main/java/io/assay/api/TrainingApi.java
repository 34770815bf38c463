package io.assay.api;

import io.assay.api.TrainingViews.GatesView;
import io.assay.api.TrainingViews.ReproduceView;
import io.assay.api.TrainingViews.RunView;

import java.util.List;
import java.util.Optional;

/**
 * Training runs, trained models into the registry, the platform's gates and reproduction, as
 * one signed-in person may use them, in-process on a home or against a running server.
 */
public interface TrainingApi extends AutoCloseable {
    /** Trains on a training set and records the run; a run that fails is recorded too, and its error says which run. */
    RunView train(Requests.Train request);

    /** Runs, of one use case or all, oldest first. */
    List<RunView> runs(Optional<String> useCase);

    RunView run(String id);

    /** A run's model, bundled with the metric spec, as a new DRAFT version. */
    VersionView registerRun(String useCase, Requests.RegisterRun request);

    /** A model trained elsewhere (XGBoost JSON, stored first as an artifact), checked and bundled as a new DRAFT version. */
    VersionView registerExternal(String useCase, Requests.RegisterExternal request);

    /** Runs the platform gates the use case requires on a version and attaches their evidence. */
    GatesView runGates(String useCase, int number);

    /** Rebuilds a version from its lineage and compares the model bit for bit. */
    ReproduceView reproduce(String useCase, int number);

    @Override
    void close();
}
