package io.assay.core.registry;

/**
 * Where a use case's versions receive traffic. Which version serves an environment is routing,
 * kept apart from a version's stage; the stage decides only which versions may be routed there.
 */
public enum Environment {
    /** The MLOps team's test environment: approved versions are tried here before production. */
    TEST,
    PRODUCTION;

    /** Whether a version in {@code stage} may answer the business here. */
    public boolean mayServe(Stage stage) {
        return switch (this) {
            case TEST -> approvedOrLater(stage);
            case PRODUCTION -> stage == Stage.PRODUCTION;
        };
    }

    /** Whether a version in {@code stage} may run beside the champion here, as a canary or in shadow. */
    public boolean mayChallenge(Stage stage) {
        return switch (this) {
            case TEST -> approvedOrLater(stage);
            case PRODUCTION -> stage == Stage.TESTED || stage == Stage.PRODUCTION;
        };
    }

    private static boolean approvedOrLater(Stage stage) {
        return switch (stage) {
            case APPROVED, TESTED, PRODUCTION -> true;
            case DRAFT, CANDIDATE, VALIDATED, RETIRED, SENT_BACK -> false;
        };
    }
}
