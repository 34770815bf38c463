package io.assay.api;

/** Every operation of the REST API, each declared once: the route table registers these, the HTTP client calls them. */
public final class Endpoints {
    private static final String V1 = "/api/v1";
    private static final String USE_CASE_PATH = V1 + "/use-cases/{name}";
    private static final String VERSION_PATH = USE_CASE_PATH + "/versions/{version}";

    public static final Endpoint HEALTH = get(V1 + "/health");
    public static final Endpoint ME = get(V1 + "/me");
    public static final Endpoint OPENAPI = get(V1 + "/openapi.json");

    public static final Endpoint USE_CASES = get(V1 + "/use-cases");
    public static final Endpoint DEFINE_USE_CASE = post(V1 + "/use-cases");
    public static final Endpoint USE_CASE = get(USE_CASE_PATH);
    public static final Endpoint VERSIONS = get(USE_CASE_PATH + "/versions");
    public static final Endpoint REGISTER_VERSION = post(USE_CASE_PATH + "/versions");
    public static final Endpoint ROUTING = get(USE_CASE_PATH + "/routing");
    public static final Endpoint ROUTE = put(USE_CASE_PATH + "/routing/{environment}");
    public static final Endpoint VERSION = get(VERSION_PATH);
    public static final Endpoint HISTORY = get(VERSION_PATH + "/history");
    public static final Endpoint SUBMIT = post(VERSION_PATH + "/transitions/submit");
    public static final Endpoint ATTACH_EVIDENCE = post(VERSION_PATH + "/evidence");
    public static final Endpoint REVIEW = post(VERSION_PATH + "/reviews");
    public static final Endpoint RECORD_TEST = post(VERSION_PATH + "/tests");
    public static final Endpoint PROMOTE = post(VERSION_PATH + "/transitions/promote");
    public static final Endpoint RETIRE = post(VERSION_PATH + "/transitions/retire");
    public static final Endpoint STORE_ARTIFACT = post(V1 + "/artifacts");

    public static final Endpoint USERS = get(V1 + "/users");
    public static final Endpoint ADD_USER = post(V1 + "/users");
    public static final Endpoint SET_ROLES = put(V1 + "/users/{user}/roles");
    public static final Endpoint DEACTIVATE_USER = post(V1 + "/users/{user}/deactivate");
    public static final Endpoint TOKENS = get(V1 + "/tokens");
    public static final Endpoint CREATE_TOKEN = post(V1 + "/tokens");
    public static final Endpoint REVOKE_TOKEN = post(V1 + "/tokens/{id}/revoke");

    public static final Endpoint VERIFY_AUDIT = post(V1 + "/audit/verifications");

    public static final Endpoint FEATURE_VIEWS = get(V1 + "/features/views");
    public static final Endpoint FEATURE_VIEW = get(V1 + "/features/views/{name}");
    public static final Endpoint BUILD_FEATURES = post(V1 + "/features/views/{name}/builds");
    public static final Endpoint FEATURE_BUILDS = get(V1 + "/features/builds");
    public static final Endpoint LABELS = get(V1 + "/features/labels");
    public static final Endpoint MATERIALIZE = post(V1 + "/features/serving");
    public static final Endpoint BUILD_TRAINSET = post(V1 + "/trainsets");
    public static final Endpoint TRAINSETS = get(V1 + "/trainsets");
    public static final Endpoint TRAINSET = get(V1 + "/trainsets/{id}");
    public static final Endpoint TRAIN = post(V1 + "/runs");
    /** The business scoring API: versioned on its own, apart from the control plane's /api/v1. */
    public static final Endpoint SCORE = post("/v1/score/{use_case}");
    /** The Open Inference Protocol's health endpoints, for probes and standard clients. */
    /** Prometheus's scrape of the data plane. */
    public static final Endpoint METRICS = get("/v1/metrics");
    public static final Endpoint INFERENCE_LIVE = get("/v2/health/live");
    public static final Endpoint INFERENCE_READY = get("/v2/health/ready");
    public static final Endpoint INFERENCE_MODEL_READY = get("/v2/models/{use_case}/ready");
    public static final Endpoint INFERENCE_MODEL = get("/v2/models/{use_case}");
    public static final Endpoint INFER = post("/v2/models/{use_case}/infer");
    public static final Endpoint RUNS = get(V1 + "/runs");
    public static final Endpoint RUN = get(V1 + "/runs/{id}");
    public static final Endpoint REGISTER_RUN = post(USE_CASE_PATH + "/versions/from-run");
    public static final Endpoint REGISTER_EXTERNAL = post(USE_CASE_PATH + "/versions/external");
    public static final Endpoint RUN_GATES = post(VERSION_PATH + "/gates");
    public static final Endpoint REPRODUCE = post(VERSION_PATH + "/reproductions");
    public static final Endpoint AUDIT_CHECKPOINT = post(V1 + "/audit/checkpoints");
    public static final Endpoint AUDIT_EVENTS = get(V1 + "/audit/events");

    public static final Endpoint DATA_CONTRACTS = get(V1 + "/data/contracts");
    /** The raw batch as the body; ?date= its business day, ?file= its name, ?rows= and ?sha256= the extract's control totals. */
    public static final Endpoint INGEST_BATCH = post(V1 + "/data/tables/{table}/batches");
    public static final Endpoint SNAPSHOTS = get(V1 + "/data/snapshots");
    public static final Endpoint SNAPSHOT = get(V1 + "/data/snapshots/{id}");
    public static final Endpoint QUARANTINE = get(V1 + "/data/snapshots/{id}/quarantine");
    public static final Endpoint GRANT_ACCESS = post(V1 + "/data/grants");
    public static final Endpoint GRANTS = get(V1 + "/data/grants");
    public static final Endpoint REVOKE_GRANT = post(V1 + "/data/grants/{id}/revoke");
    public static final Endpoint QUERY = post(V1 + "/data/queries");
    public static final Endpoint READS = get(V1 + "/data/reads");

    private Endpoints() {}

    private static Endpoint get(String path) {
        return new Endpoint("GET", path);
    }

    private static Endpoint post(String path) {
        return new Endpoint("POST", path);
    }

    private static Endpoint put(String path) {
        return new Endpoint("PUT", path);
    }
}
