package io.assay.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.access.Actor;
import io.assay.core.access.Permission;
import io.assay.core.common.IdSource;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Scoring as a use case: who may score, which model answers (champion or canary), the features
 * checked against that model's signature, the decision written to the log before the answer
 * leaves, and every shadow scored afterwards on a thread of its own, so a challenger never slows
 * or changes an answer. A shadow that cannot keep up is skipped and counted, never queued forever.
 */
public final class ScoringService implements AutoCloseable {
    private static final int SHADOW_QUEUE = 10_000;

    private final ModelRouter router;
    private final CustomerFeatures customers;
    private final MarketingObjections objections;
    private final DecisionSink log;
    private final FeatureRow.RangePolicy rangePolicy;
    private final Clock clock;
    private final IdSource ids;
    private final ThreadPoolExecutor shadows;
    private final AtomicLong shadowsSkipped = new AtomicLong();
    private final AtomicLong suppressions = new AtomicLong();

    public ScoringService(ModelRouter router, CustomerFeatures customers, DecisionSink log, FeatureRow.RangePolicy rangePolicy, Clock clock,
                          IdSource ids) {
        this(router, customers, MarketingObjections.NONE, log, rangePolicy, clock, ids);
    }

    public ScoringService(ModelRouter router, CustomerFeatures customers, MarketingObjections objections, DecisionSink log,
                          FeatureRow.RangePolicy rangePolicy, Clock clock, IdSource ids) {
        this.router = requireNonNull(router, "router is null");
        this.customers = requireNonNull(customers, "customers is null");
        this.objections = requireNonNull(objections, "objections is null");
        this.log = requireNonNull(log, "log is null");
        this.rangePolicy = requireNonNull(rangePolicy, "rangePolicy is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.shadows = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(SHADOW_QUEUE), task -> {
            Thread thread = new Thread(task, "assay-shadow-scoring");
            thread.setDaemon(true);
            return thread;
        }, (task, pool) -> shadowsSkipped.incrementAndGet());
    }

    /**
     * @param actor the caller, who must hold a role that may score (a business application, or MLOps testing)
     * @throws AssayException NOT_FOUND for a use case nothing serves here or a customer the serving table lacks,
     *                        INVALID_ARGUMENT for features that do not fit the answering model's signature
     */
    public ScoreAnswer score(Actor actor, ScoreCall call) {
        Permission.SCORE.require(actor);
        return decide(actor, call, checked(call));
    }

    /**
     * Several rows at once, all of one use case: every row is checked before any is scored, so a
     * refused row leaves no decision behind for the others; a refusal names the row (counted from 0).
     */
    public List<ScoreAnswer> scoreAll(Actor actor, List<ScoreCall> calls) {
        Permission.SCORE.require(actor);
        if (calls.isEmpty() || calls.size() > MAX_ROWS) {
            throw AssayException.invalid("a call scores 1 to " + MAX_ROWS + " rows, not " + calls.size());
        }
        List<Checked> checked = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            try {
                checked.add(checked(calls.get(i)));
            } catch (AssayException e) {
                throw calls.size() == 1 ? e : new AssayException(e.code(), "row " + i + ": " + e.getMessage());
            }
        }
        List<ScoreAnswer> answers = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            answers.add(decide(actor, calls.get(i), checked.get(i)));
        }
        return answers;
    }

    /** The rows one call may score. */
    public static final int MAX_ROWS = 1_000;

    /** A call with the version that answers it and its features checked against that version; features null when suppressed. */
    private record Checked(LiveRoute route, ServedModel model, JsonNode given, boolean fromTable, FeatureRow features) {
    }

    private Checked checked(ScoreCall call) {
        LiveRoute route = router.route(call.useCase()).orElseThrow(() -> AssayException.notFound("nothing serves use case "
                + Names.quoted(call.useCase()) + " in " + router.environment() + " (no champion is routed)"));
        ServedModel model = route.answering(call.customer());
        if (route.marketing() && call.customer().isPresent() && objections.objects(call.customer().get())) {
            return new Checked(route, model, null, false, null);
        }
        JsonNode given = call.features().isPresent() ? call.features().get()
                : customers.features(call.useCase(), call.customer().get()).orElseThrow(() -> AssayException.notFound(
                        "the serving table of " + call.useCase() + " holds no customer " + Names.quoted(call.customer().get())));
        boolean fromTable = call.features().isEmpty();
        return new Checked(route, model, given, fromTable, FeatureRow.check(given, model.signature(), rangePolicy, model.label(), fromTable));
    }

    private ScoreAnswer decide(Actor actor, ScoreCall call, Checked checked) {
        LiveRoute route = checked.route();
        ServedModel model = checked.model();
        if (checked.features() == null) {
            return suppress(actor, call, route, model);
        }
        FeatureRow features = checked.features();
        double score = model.score(features);
        List<ScoreAnswer.Reason> reasons = model.reasons(features, call.reasons()).stream()
                .map(r -> new ScoreAnswer.Reason(r.code(), r.feature(), r.direction(), r.text())).toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String decisionId = ids.next("dec");
        String servedBy = model == route.champion() ? "champion" : "canary";
        log.append(new Decision(Decision.DECISION, decisionId, now, router.environment().name(), call.useCase(), model.version(), servedBy,
                route.revision(), call.customer().orElse(null), actor.name(), named(model, features), features.outOfRange(), score,
                reasons, null));
        JsonNode given = checked.given();
        boolean fromTable = checked.fromTable();
        for (ServedModel shadow : route.shadows()) {
            shadows.execute(() -> scoreShadow(shadow, given, fromTable, decisionId, route.revision(), call, actor.name()));
        }
        return new ScoreAnswer(decisionId, call.useCase(), model.version(), score, reasons, features.outOfRange(), now);
    }

    /**
     * A marketing use case never scores a customer who objects (GDPR Art. 21): no features are
     * read and no model runs; the suppression is logged like a decision, so it can be shown later.
     */
    private ScoreAnswer suppress(Actor actor, ScoreCall call, LiveRoute route, ServedModel model) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String decisionId = ids.next("dec");
        log.append(new Decision(Decision.SUPPRESSED, decisionId, now, router.environment().name(), call.useCase(), model.version(),
                model == route.champion() ? "champion" : "canary", route.revision(), call.customer().get(), actor.name(), null, null, null,
                null, "suppressed: the customer objects to marketing (GDPR Art. 21)"));
        suppressions.incrementAndGet();
        return ScoreAnswer.suppressed(decisionId, call.useCase(), model.version(), now);
    }

    /** Calls of marketing use cases about objecting customers, answered "suppressed". */
    public long suppressions() {
        return suppressions.get();
    }

    /** Shadows skipped because the shadow queue was full: a figure for the operator, never a failed request. */
    public long shadowsSkipped() {
        return shadowsSkipped.get();
    }

    public ModelRouter router() {
        return router;
    }

    private void scoreShadow(ServedModel shadow, JsonNode given, boolean fromTable, String decisionId, long revision, ScoreCall call, String application) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String environment = router.environment().name();
        try {
            FeatureRow features = FeatureRow.check(given, shadow.signature(), FeatureRow.RangePolicy.FLAG, shadow.label(),
                    fromTable);
            log.append(new Decision(Decision.SHADOW, decisionId, now, environment, call.useCase(), shadow.version(), "shadow", revision,
                    call.customer().orElse(null), application, null, features.outOfRange(), shadow.score(features), null, null));
        } catch (AssayException e) {
            // A challenger that cannot score what the champion scored is a finding for the MLOps team, kept with the decision.
            log.append(new Decision(Decision.SHADOW, decisionId, now, environment, call.useCase(), shadow.version(), "shadow", revision,
                    call.customer().orElse(null), application, null, null, null, null, e.getMessage()));
        }
    }

    private static Map<String, Double> named(ServedModel model, FeatureRow features) {
        Map<String, Double> named = new LinkedHashMap<>();
        List<String> names = model.signature().names();
        for (int j = 0; j < names.size(); j++) {
            named.put(names.get(j), features.values().get(j));
        }
        return named;
    }

    /** Waits for the shadows already queued, so the log holds them when the service stops. */
    @Override
    public void close() {
        shadows.shutdown();
        try {
            shadows.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
