package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.RoutingView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "route", mixinStandardHelpOptions = true,
        description = "Set which versions receive traffic in one environment (MLOps): the champion, a canary with its share, shadows. "
                + "What you leave out is no longer routed. Production serves only its PRODUCTION version; canaries and shadows "
                + "there must be TESTED.")
final class RouteCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Option(names = "--env", required = true, description = "test or production")
    String environment;

    @Option(names = "--champion", description = "The version that answers")
    Optional<Integer> champion;

    @Option(names = "--canary", description = "A version that answers a share of the calls")
    Optional<Integer> canary;

    @Option(names = "--canary-percent", description = "The canary's share, 1 to 50")
    Optional<Integer> canaryPercent;

    @Option(names = "--shadow", description = "A version scored beside the champion without answering (repeatable)")
    List<Integer> shadows = List.of();

    @Option(names = "--expect-revision", description = "Refuse if the routing changed since you looked at this revision")
    Optional<Long> expectedRevision;

    RouteCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); Governance as = session.governance()) {
            RoutingView routed = as.route(useCase, environment, new Requests.SetRouting(champion, canary, canaryPercent,
                    Optional.of(shadows), expectedRevision));
            context.output().result(routed, out -> RoutingCommand.print(out).accept(routed));
            return 0;
        }
    }
}
