package io.assay.serving;

import io.assay.core.error.AssayException;
import io.assay.core.registry.Environment;
import io.assay.core.registry.Routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * Keeps what an environment serves in step with its routing. A refresh loads, checks and warms
 * every newly routed bundle first and only then swaps the whole table in one reference write, so
 * a request sees the old routing or the new, never half, and a rollback costs a pointer swap.
 * A use case whose new bundle fails to load keeps serving what it served, and an alert says why.
 */
public final class ModelRouter {
    private final Environment environment;
    private final ServingSource source;
    private final Clock clock;
    private final AtomicReference<Map<String, LiveRoute>> live = new AtomicReference<>(Map.of());
    private final List<ServingAlert> alerts = new CopyOnWriteArrayList<>();

    /** The use cases whose routing failed to load at the last refresh; null before the first. */
    private volatile List<String> unserved;

    public ModelRouter(Environment environment, ServingSource source, Clock clock) {
        this.environment = requireNonNull(environment, "environment is null");
        this.source = requireNonNull(source, "source is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Something the data plane could not do and an operator must know: a bundle that would not load, say. */
    public record ServingAlert(Instant at, String useCase, String message) {
    }

    public Environment environment() {
        return environment;
    }

    /** What answers {@code useCase} now, if anything is routed to it. */
    public Optional<LiveRoute> route(String useCase) {
        return Optional.ofNullable(live.get().get(useCase));
    }

    public Map<String, LiveRoute> routes() {
        return live.get();
    }

    /**
     * Ready once the plan has been read and every routed version is loaded and warm: the routing
     * a revision names is the one served (a bundle that failed leaves its use case listed).
     */
    public record Readiness(boolean ready, Map<String, Integer> champions, List<String> notServed) {
        public Readiness {
            champions = Map.copyOf(champions);
            notServed = List.copyOf(notServed);
        }
    }

    public Readiness readiness() {
        List<String> notServed = unserved;
        Map<String, Integer> champions = new java.util.TreeMap<>();
        live.get().forEach((useCase, route) -> champions.put(useCase, route.champion().version()));
        return new Readiness(notServed != null && notServed.isEmpty(), champions, notServed == null ? List.of("(not loaded yet)") : notServed);
    }

    public List<ServingAlert> alerts() {
        return List.copyOf(alerts);
    }

    /** Reads the plan and swaps in what it routes; models already loaded under the same hash are kept, not reloaded. */
    public synchronized void refresh() {
        Map<String, LiveRoute> before = live.get();
        Map<String, ServedModel> loaded = new HashMap<>();
        before.values().forEach(route -> {
            loaded.put(key(route.champion()), route.champion());
            route.canary().ifPresent(canary -> loaded.put(key(canary), canary));
            route.shadows().forEach(shadow -> loaded.put(key(shadow), shadow));
        });
        Map<String, LiveRoute> after = new HashMap<>();
        List<String> failed = new ArrayList<>();
        for (ServingSource.Planned planned : source.plan(environment)) {
            Routing routing = planned.routing();
            String useCase = routing.useCase();
            LiveRoute current = before.get(useCase);
            if (current != null && current.revision() == routing.revision() && current.marketing() == planned.marketing()) {
                after.put(useCase, current);
                continue;
            }
            if (routing.champion().isEmpty()) {
                continue;
            }
            try {
                ServedModel champion = load(planned, routing.champion().get(), loaded);
                Optional<ServedModel> canary = routing.canary().map(version -> load(planned, version, loaded));
                List<ServedModel> shadows = new ArrayList<>();
                for (int version : routing.shadows()) {
                    shadows.add(load(planned, version, loaded));
                }
                after.put(useCase, new LiveRoute(useCase, champion, canary, routing.canaryPercent(), shadows, routing.revision(),
                        planned.marketing()));
            } catch (RuntimeException e) {
                // Whatever the bytes do to the reader (a bad bundle, a model that will not compile), the others keep serving.
                failed.add(useCase);
                alerts.add(new ServingAlert(clock.instant(), useCase, "routing revision " + routing.revision() + " of " + useCase
                        + " in " + environment + " is not served: " + e.getMessage()
                        + (current == null ? "" : "; still serving revision " + current.revision())));
                if (current != null) {
                    after.put(useCase, current);
                }
            }
        }
        live.set(Map.copyOf(after));
        unserved = List.copyOf(failed);
    }

    private ServedModel load(ServingSource.Planned planned, int version, Map<String, ServedModel> loaded) {
        String useCase = planned.routing().useCase();
        String sha = planned.bundleByVersion().get(version);
        ServedModel known = loaded.get(useCase + "/" + version + "/" + sha);
        if (known != null) {
            return known;
        }
        byte[] bytes = source.bundle(sha).orElseThrow(() -> new AssayException(io.assay.core.error.ErrorCode.STORAGE_FAILURE,
                "the bundle " + sha + " of " + useCase + " v" + version + " is not in the artifact store"));
        ServedModel model = ServedModel.load(useCase, version, sha, bytes);
        loaded.put(key(model), model);
        return model;
    }

    private static String key(ServedModel model) {
        return model.useCase() + "/" + model.version() + "/" + model.artifactSha256();
    }
}
