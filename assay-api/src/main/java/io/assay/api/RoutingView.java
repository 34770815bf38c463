package io.assay.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Which versions of a use case receive traffic in one environment, and why it is so. */
public record RoutingView(String useCase, String environment, Optional<Integer> champion, Optional<Integer> canary, int canaryPercent,
                          List<Integer> shadows, long revision, String summary, String updatedBy, Instant updatedAt, String reason) {
}
