package io.assay.cli.deploy;

import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.RoutingView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.error.AssayException;
import io.assay.core.registry.Routing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Put a version into an environment by a strategy, a short form over routing (MLOPS): 'shadow' scores it beside "
                + "the champion without answering, 'canary:N' lets it answer N percent of customers (by a stable hash of their token), "
                + "'full' makes it the champion (in production: its promotion through the lifecycle policy, which takes a TESTED "
                + "version and someone other than its author). Refused if the routing changed meanwhile.")
public final class DeployCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Parameters(index = "1", description = "Version number")
    int version;

    @Option(names = "--env", required = true, description = "test or production")
    String environment;

    @Option(names = "--strategy", required = true, description = "shadow, canary:N (N = 1 to " + Routing.MAX_CANARY_PERCENT
            + " percent) or full")
    String strategy;

    public DeployCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Strategy chosen = Strategy.parse(strategy);
        try (Session session = context.openSession(); Governance as = session.governance()) {
            RoutingView now = Routings.current(as, useCase, environment);
            if (chosen.kind() == Strategy.Kind.FULL && now.environment().equalsIgnoreCase("production")) {
                // Production's champion is its PRODUCTION version: only the lifecycle policy puts one there.
                as.promote(useCase, version, new Requests.Promote(Optional.of(now.champion().map(String::valueOf).orElse("none"))));
                RoutingView routed = Routings.current(as, useCase, environment);
                context.output().result(routed, out -> Routings.print(out, "Promoted " + useCase + " v" + version + "; production routes", routed));
                return 0;
            }
            List<Integer> shadows = new ArrayList<>(now.shadows());
            shadows.remove(Integer.valueOf(version));
            Requests.SetRouting change = switch (chosen.kind()) {
                case SHADOW -> {
                    shadows.add(version);
                    yield new Requests.SetRouting(now.champion(), now.canary(), canaryShare(now), Optional.of(shadows),
                            Optional.of(now.revision()));
                }
                case CANARY -> new Requests.SetRouting(Optional.of(Routings.championOf(now, "a canary")), Optional.of(version),
                        Optional.of(chosen.percent()), Optional.of(shadows), Optional.of(now.revision()));
                case FULL -> new Requests.SetRouting(Optional.of(version), Optional.empty(), Optional.empty(), Optional.of(shadows),
                        Optional.of(now.revision()));
            };
            RoutingView routed = as.route(useCase, environment, change);
            context.output().result(routed, out -> Routings.print(out, "Deployed " + useCase + " v" + version + " (" + strategy + "); "
                    + routed.environment().toLowerCase(Locale.ROOT) + " routes", routed));
            return 0;
        }
    }

    private static Optional<Integer> canaryShare(RoutingView now) {
        return now.canary().isPresent() ? Optional.of(now.canaryPercent()) : Optional.empty();
    }

    /** A strategy as written: shadow, canary:N or full. */
    record Strategy(Kind kind, int percent) {
        enum Kind { SHADOW, CANARY, FULL }

        static Strategy parse(String text) {
            String given = text.strip().toLowerCase(Locale.ROOT);
            if (given.equals("shadow")) {
                return new Strategy(Kind.SHADOW, 0);
            }
            if (given.equals("full")) {
                return new Strategy(Kind.FULL, 0);
            }
            if (given.startsWith("canary:")) {
                try {
                    int percent = Integer.parseInt(given.substring("canary:".length()));
                    if (percent >= 1 && percent <= Routing.MAX_CANARY_PERCENT) {
                        return new Strategy(Kind.CANARY, percent);
                    }
                } catch (NumberFormatException e) {
                    // Named below with the forms that are right.
                }
            }
            throw AssayException.invalid("--strategy is shadow, canary:N (N = 1 to " + Routing.MAX_CANARY_PERCENT + ") or full, not "
                    + io.assay.core.common.Names.quoted(text));
        }
    }
}
