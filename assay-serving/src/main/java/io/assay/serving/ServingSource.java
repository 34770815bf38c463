package io.assay.serving;

import io.assay.core.registry.Environment;
import io.assay.core.registry.Routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Port: what an environment should serve, and the approved bundle bytes. The data plane asks when
 * it refreshes, never per request, so a scoring-only process can be replicated without putting
 * the registry database on the request path. Adapters: the registry and artifact store of a home.
 */
public interface ServingSource {
    /** Every use case routed in {@code environment}, with the bundle each routed version was approved with. */
    List<Planned> plan(Environment environment);

    /** The bytes stored under {@code sha256}, if they are there. */
    Optional<byte[]> bundle(String sha256);

    /**
     * One use case's routing and the bundle hash of each version it names.
     *
     * @param marketing the use case is marketing, so objecting customers are never scored for it
     */
    record Planned(Routing routing, Map<Integer, String> bundleByVersion, boolean marketing) {
        public Planned {
            requireNonNull(routing, "routing is null");
            bundleByVersion = Map.copyOf(requireNonNull(bundleByVersion, "bundleByVersion is null"));
            for (int version : routing.versions()) {
                if (!bundleByVersion.containsKey(version)) {
                    throw new IllegalArgumentException("the plan of " + routing.useCase() + " routes v" + version + " without its bundle");
                }
            }
        }
    }
}
