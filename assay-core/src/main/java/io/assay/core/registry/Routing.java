package io.assay.core.registry;

import io.assay.core.error.AssayException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which versions of a use case receive traffic in one environment: the champion answers, a
 * canary answers a share of calls, shadows are scored beside them without answering. Changed
 * through {@link RoutingPolicy}; the revision rises with every change (0: never routed).
 *
 * @param reason why it is as it is (who changed it, or which lifecycle step moved a version out)
 */
public record Routing(String useCase, Environment environment, Optional<Integer> champion, Optional<Integer> canary, int canaryPercent,
                      List<Integer> shadows, long revision, String updatedBy, Instant updatedAt, String reason) {
    public static final int MAX_CANARY_PERCENT = 50;
    public static final int MAX_SHADOWS = 3;

    public Routing {
        RegistryNames.requireUseCaseName(useCase);
        requireNonNull(environment, "environment is null");
        requireNonNull(champion, "champion is null");
        requireNonNull(canary, "canary is null");
        shadows = List.copyOf(requireNonNull(shadows, "shadows is null"));
        requireNonNull(updatedBy, "updatedBy is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(reason, "reason is null");
        if (revision < 0) {
            throw AssayException.invalid("routing revision " + revision + " is negative");
        }
        if (canary.isPresent() != (canaryPercent > 0)) {
            throw AssayException.invalid("a canary needs a share of 1 to " + MAX_CANARY_PERCENT + " percent, and a share needs a canary");
        }
        if (canaryPercent < 0 || canaryPercent > MAX_CANARY_PERCENT) {
            throw AssayException.invalid("canary share " + canaryPercent + "% is not between 1 and " + MAX_CANARY_PERCENT + "%");
        }
        if (canary.isPresent() && champion.isEmpty()) {
            throw AssayException.invalid("a canary needs a champion to share the traffic with");
        }
        if (shadows.size() > MAX_SHADOWS) {
            throw AssayException.invalid("at most " + MAX_SHADOWS + " shadows; " + shadows.size() + " given");
        }
        List<Integer> all = new ArrayList<>(shadows);
        champion.ifPresent(all::add);
        canary.ifPresent(all::add);
        if (new HashSet<>(all).size() != all.size()) {
            throw AssayException.invalid("a version takes one place in the routing; " + all + " names one twice");
        }
    }

    public static Routing empty(String useCase, Environment environment) {
        return new Routing(useCase, environment, Optional.empty(), Optional.empty(), 0, List.of(), 0, "-", Instant.EPOCH, "never routed");
    }

    public Set<Integer> versions() {
        Set<Integer> all = new HashSet<>(shadows);
        champion.ifPresent(all::add);
        canary.ifPresent(all::add);
        return all;
    }

    /** One line for people and the audit log, e.g. "champion v1, canary v2 at 10%, shadows [v3]". */
    public String describe() {
        if (versions().isEmpty()) {
            return "nothing routed";
        }
        List<String> parts = new ArrayList<>();
        champion.ifPresent(v -> parts.add("champion v" + v));
        canary.ifPresent(v -> parts.add("canary v" + v + " at " + canaryPercent + "%"));
        if (!shadows.isEmpty()) {
            parts.add("shadows " + shadows.stream().map(v -> "v" + v).toList());
        }
        return String.join(", ", parts);
    }

    public String subject() {
        return "routing:" + useCase + "/" + environment.name().toLowerCase(java.util.Locale.ROOT);
    }
}
