package io.assay.api.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.assay.api.Endpoint;
import io.assay.api.Requests;
import io.assay.api.TrainingApi;
import io.assay.api.TrainingViews.GatesView;
import io.assay.api.TrainingViews.ReproduceView;
import io.assay.api.TrainingViews.RunView;
import io.assay.api.VersionView;

import java.util.List;
import java.util.Optional;

import static io.assay.api.Endpoints.REGISTER_RUN;
import static io.assay.api.Endpoints.REPRODUCE;
import static io.assay.api.Endpoints.RUN;
import static io.assay.api.Endpoints.RUNS;
import static io.assay.api.Endpoints.RUN_GATES;
import static io.assay.api.Endpoints.TRAIN;

/** Training runs, gates and reproduction on a running Assay server, over the REST API (a run answers when it is done). */
public final class HttpTraining implements TrainingApi {
    private final ApiClient api;

    public HttpTraining(ApiClient api) {
        this.api = api;
    }

    @Override
    public RunView train(Requests.Train request) {
        return api.call(TRAIN, TRAIN.fill(), request, RunView.class);
    }

    @Override
    public List<RunView> runs(Optional<String> useCase) {
        return api.call(RUNS, RUNS.fill() + useCase.map(u -> "?use_case=" + Endpoint.encode(u)).orElse(""), null,
                new TypeReference<List<RunView>>() {});
    }

    @Override
    public RunView run(String id) {
        return api.call(RUN, RUN.fill(id), null, RunView.class);
    }

    @Override
    public VersionView registerRun(String useCase, Requests.RegisterRun request) {
        return api.call(REGISTER_RUN, REGISTER_RUN.fill(useCase), request, VersionView.class);
    }

    @Override
    public VersionView registerExternal(String useCase, Requests.RegisterExternal request) {
        return api.call(io.assay.api.Endpoints.REGISTER_EXTERNAL, io.assay.api.Endpoints.REGISTER_EXTERNAL.fill(useCase), request,
                VersionView.class);
    }

    @Override
    public GatesView runGates(String useCase, int number) {
        return api.call(RUN_GATES, RUN_GATES.fill(useCase, String.valueOf(number)), null, GatesView.class);
    }

    @Override
    public ReproduceView reproduce(String useCase, int number) {
        return api.call(REPRODUCE, REPRODUCE.fill(useCase, String.valueOf(number)), null, ReproduceView.class);
    }

    @Override
    public void close() {
        // the client holds no connection of its own
    }
}
