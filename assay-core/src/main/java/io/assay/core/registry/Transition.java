package io.assay.core.registry;

import static java.util.Objects.requireNonNull;

/** What the policy decided: the version after the action, and the reason the audit log records. */
public record Transition(ModelVersion before, ModelVersion after, Action action, String reason) {
    public Transition {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        requireNonNull(action, "action is null");
        requireNonNull(reason, "reason is null");
    }
}
