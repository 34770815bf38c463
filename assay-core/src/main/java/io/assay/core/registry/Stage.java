package io.assay.core.registry;

/** Where a model version stands in governance. Moves only through {@link LifecyclePolicy}. */
public enum Stage {
    DRAFT,
    /** Submitted by its author; the metric spec is frozen. */
    CANDIDATE,
    /** Every required gate passed on the current evidence. */
    VALIDATED,
    /** Every required reviewer role approved the current evidence digest. */
    APPROVED,
    /** The MLOps team's test-environment checks passed. */
    TESTED,
    PRODUCTION,
    RETIRED,
    /** Rejected by a reviewer or a test, with findings; final for this version, a new version reworks it. */
    SENT_BACK;

    public boolean isFinal() {
        return switch (this) {
            case RETIRED, SENT_BACK -> true;
            case DRAFT, CANDIDATE, VALIDATED, APPROVED, TESTED, PRODUCTION -> false;
        };
    }
}
