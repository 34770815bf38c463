package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.api.Governance;
import io.assay.api.RoutingView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "routing", mixinStandardHelpOptions = true,
        description = "Which versions serve, canary and shadow in the test and production environments (apart from their stages).")
final class RoutingCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    RoutingCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); Governance as = session.governance()) {
            List<RoutingView> routing = as.routing(useCase);
            context.output().result(routing, out -> routing.forEach(RoutingCommand.print(out)));
            return 0;
        }
    }

    static java.util.function.Consumer<RoutingView> print(java.io.PrintWriter out) {
        return environment -> out.printf("%-11s %-40s revision %d — %s%n", environment.environment(), environment.summary(),
                environment.revision(), environment.reason());
    }
}
