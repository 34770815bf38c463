package io.assay.cli.deploy;

import io.assay.api.Governance;
import io.assay.api.RoutingView;
import io.assay.core.error.AssayException;

import java.io.PrintWriter;

/** What deploy and rollback read before they change the routing, and how they say what it is after. */
final class Routings {
    private Routings() {}

    /** The environment's routing now (an environment never routed has an empty one at revision 0). */
    static RoutingView current(Governance as, String useCase, String environment) {
        return as.routing(useCase).stream().filter(r -> r.environment().equalsIgnoreCase(environment.strip())).findFirst()
                .orElseThrow(() -> AssayException.invalid("--env is test or production, not " + io.assay.core.common.Names.quoted(environment)));
    }

    static int championOf(RoutingView routing, String what) {
        return routing.champion().orElseThrow(() -> AssayException.invalid(what + " shares the traffic with a champion; "
                + routing.useCase() + " has none in " + routing.environment().toLowerCase(java.util.Locale.ROOT)
                + " (deploy one with --strategy full first)"));
    }

    static void print(PrintWriter out, String done, RoutingView routed) {
        out.printf("%s %s (revision %d)%n", done, routed.summary(), routed.revision());
    }
}
