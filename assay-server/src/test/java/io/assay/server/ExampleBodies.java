package io.assay.server;

import io.assay.api.Requests;

import java.util.Map;

/** A valid body per request record, for tests that walk every route; a new body-reading route needs its example here. */
final class ExampleBodies {
    static final Map<Class<?>, String> VALID = Map.ofEntries(
            Map.entry(Requests.DefineUseCase.class, "{\"name\":\"fuzz\",\"description\":\"d\",\"risk_tier\":\"LOW\",\"intended_use\":\"u\","
                    + "\"limitations\":\"l\",\"required_gates\":[\"metrics\"]}"),
            Map.entry(Requests.RegisterVersion.class, "{\"artifact_sha256\":\"" + "a".repeat(64) + "\",\"spec\":{\"spec_format\":1,\"signature\":{\"output\":\"p\",\"features\":[{\"name\":\"x\",\"type\":\"NUMERIC\"}]},"
                    + "\"provenance\":{\"run_id\":\"r\",\"seed\":7},\"metrics\":[{\"metric\":\"auc\",\"at_least\":0.7}]},"
                    + "\"reworks\":1}"),
            Map.entry(Requests.AttachEvidence.class, "{\"gate\":\"metrics\",\"passed\":true,\"figures\":{\"auc\":0.8},\"engine\":\"e\"}"),
            Map.entry(Requests.SubmitReview.class, "{\"role\":\"LEGAL_REVIEWER\",\"decision\":\"APPROVE\",\"comment\":\"c\",\"digest\":\""
                    + "b".repeat(64) + "\",\"findings\":[\"f\"]}"),
            Map.entry(Requests.RecordTest.class, "{\"test\":\"backtest\",\"passed\":true,\"detail\":\"d\",\"findings\":[\"f\"]}"),
            Map.entry(Requests.Promote.class, "{\"replaces\":\"none\"}"),
            Map.entry(Requests.Retire.class, "{\"reason\":\"r\"}"),
            Map.entry(Requests.SetRouting.class, "{\"champion\":1,\"canary\":2,\"canary_percent\":10,\"shadows\":[3],\"expected_revision\":1}"),
            Map.entry(io.assay.api.Inference.Request.class, "{\"inputs\":[{\"name\":\"customer\",\"shape\":[1],\"datatype\":\"BYTES\","
                    + "\"data\":[\"tok-1\"]}]}"),
            Map.entry(Requests.AddUser.class, "{\"name\":\"fuzz.user\",\"roles\":[\"MLOPS\"]}"),
            Map.entry(Requests.SetRoles.class, "{\"roles\":[\"MLOPS\"]}"),
            Map.entry(Requests.CreateToken.class, "{\"user\":\"mlops\",\"label\":\"l\",\"expires\":\"2027-01-31\"}"),
            Map.entry(Requests.GrantAccess.class, "{\"user\":\"data.scientist\",\"purpose\":\"p\",\"tables\":[\"accounts\"],"
                    + "\"expires\":\"2027-01-31\"}"),
            Map.entry(Requests.Query.class, "{\"sql\":\"SELECT 1 FROM accounts\",\"limit\":5}"),
            Map.entry(Requests.Train.class, "{\"use_case\":\"churn\",\"trainset_id\":\"churn-000000000000\",\"algorithm\":\"logistic\","
                    + "\"parameters\":{\"l2\":\"1\"}}"),
            Map.entry(Requests.RegisterRun.class, "{\"run_id\":\"churn-run-1\",\"spec\":{\"spec_format\":1,\"metrics\":[{\"metric\":\"auc\","
                    + "\"at_least\":0.7}]},\"reworks\":1}"),
            Map.entry(Requests.RegisterExternal.class, "{\"artifact_sha256\":\"" + "a".repeat(64) + "\",\"signature\":{\"output\":\"p\","
                    + "\"inputs\":[{\"name\":\"x\",\"type\":\"DOUBLE\",\"nullable\":true}]},\"trainset_id\":\"churn-000000000000\","
                    + "\"spec\":{\"spec_format\":1,\"metrics\":[{\"metric\":\"auc\",\"at_least\":0.7}]},\"reworks\":1}"),
            Map.entry(Requests.Score.class, "{\"customer\":\"tok-1\"}"),
            Map.entry(Requests.AsOf.class, "{\"as_of\":\"2026-11-01\",\"use_case\":\"churn\"}"),
            Map.entry(Requests.BuildTrainingSet.class, "{\"use_case\":\"churn\",\"as_ofs\":[\"2026-09-01\",\"2026-10-01\","
                    + "\"2026-11-01\"],\"population\":\"default\"}"),
            Map.entry(Requests.VerifyAudit.class, "{\"against\":{\"checkpoint_format\":1,\"sequence\":1,\"hash\":\""
                    + "c".repeat(64) + "\",\"exported_at\":\"2026-12-01T00:00:00Z\"}}"));

    private ExampleBodies() {}

    /** The example for a route's body, or an empty object for a route that reads none. */
    static String of(io.assay.server.http.ApiRoute route) {
        return route.requestBody().map(type -> {
            String example = VALID.get(type);
            if (example == null) {
                throw new AssertionError("add an example body for " + type.getSimpleName() + " to ExampleBodies");
            }
            return example;
        }).orElse("{}");
    }
}
