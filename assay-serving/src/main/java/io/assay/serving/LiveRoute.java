package io.assay.serving;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What answers one use case right now, every model loaded and warm: the champion, a canary with
 * its share, and shadows scored beside them without answering.
 *
 * @param revision the routing revision this was loaded from
 */
public record LiveRoute(String useCase, ServedModel champion, Optional<ServedModel> canary, int canaryPercent, List<ServedModel> shadows,
                        long revision, boolean marketing) {
    public LiveRoute {
        requireNonNull(useCase, "useCase is null");
        requireNonNull(champion, "champion is null");
        requireNonNull(canary, "canary is null");
        shadows = List.copyOf(requireNonNull(shadows, "shadows is null"));
        if (canary.isPresent() != (canaryPercent > 0) || canaryPercent > 100) {
            throw new IllegalArgumentException("a canary of " + useCase + " needs a share of 1 to 100 percent, and a share needs a canary");
        }
    }

    /**
     * The model that answers this call: the canary for the customers its share covers, always the
     * same customers for the same share, and the champion for everyone else and for calls that
     * name no customer (a canary is a share of customers, not of requests).
     */
    public ServedModel answering(Optional<String> customerToken) {
        if (canary.isEmpty() || customerToken.isEmpty()) {
            return champion;
        }
        return CanarySplit.bucket(useCase, customerToken.get()) < canaryPercent ? canary.get() : champion;
    }
}
