package io.assay.core.registry;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The routing an MLOps engineer asks for, whole (what is left out is no longer routed).
 *
 * @param expectedRevision the revision the caller looked at; when routing changed since, nothing happens
 */
public record RoutingChange(Optional<Integer> champion, Optional<Integer> canary, int canaryPercent, List<Integer> shadows,
                            Optional<Long> expectedRevision) {
    public RoutingChange {
        requireNonNull(champion, "champion is null");
        requireNonNull(canary, "canary is null");
        shadows = List.copyOf(requireNonNull(shadows, "shadows is null"));
        requireNonNull(expectedRevision, "expectedRevision is null");
    }
}
