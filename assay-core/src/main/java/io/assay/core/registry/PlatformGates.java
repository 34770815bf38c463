package io.assay.core.registry;

import java.util.List;

/**
 * The gates Assay runs itself on a version whose artifact is a model bundle: their figures are
 * computed from the bundle and the data environment, never typed in. A version registered from a
 * bare model file has no bundle to run them on; its evidence is typed, and only for other gates
 * (and the metrics gate, which its spec still judges from the figures).
 */
public final class PlatformGates {
    public static final String METRICS = MetricSpec.GATE;
    public static final String CHAMPION = "champion";
    public static final String FAIRNESS = "fairness";
    public static final String STABILITY = "stability";
    public static final String ROBUSTNESS = "robustness";
    public static final List<String> ALL = List.of(METRICS, CHAMPION, FAIRNESS, STABILITY, ROBUSTNESS);
    /** The artifact format of a model bundle. */
    public static final String BUNDLE_FORMAT = "assay-bundle";

    private PlatformGates() {}

    /** Whether {@code gate}'s evidence on {@code version} may only come from the platform's gate run. */
    public static boolean runByPlatform(ModelVersion version, String gate) {
        if (!ALL.contains(gate)) {
            return false;
        }
        return version.artifact().format().equals(BUNDLE_FORMAT) || !gate.equals(METRICS);
    }
}
