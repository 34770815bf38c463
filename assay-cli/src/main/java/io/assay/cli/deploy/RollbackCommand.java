package io.assay.cli.deploy;

import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.RoutingView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.error.AssayException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "End an environment's canary at once (MLOPS): the champion answers every customer again, shadows stay. The "
                + "serving processes swap within a second; the change is audited like any routing change.")
public final class RollbackCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Option(names = "--env", required = true, description = "test or production")
    String environment;

    public RollbackCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); Governance as = session.governance()) {
            RoutingView now = Routings.current(as, useCase, environment);
            if (now.canary().isEmpty()) {
                throw AssayException.invalid("nothing to roll back: " + useCase + " has no canary in " + environment + " (" + now.summary()
                        + "); another champion comes by 'assay deploy " + useCase + " VERSION --env " + environment + " --strategy full'");
            }
            int canary = now.canary().get();
            RoutingView routed = as.route(useCase, environment, new Requests.SetRouting(now.champion(), Optional.empty(), Optional.empty(),
                    Optional.of(now.shadows()), Optional.of(now.revision())));
            context.output().result(routed, out -> Routings.print(out, "Rolled back the canary v" + canary + " of " + useCase + "; "
                    + routed.environment().toLowerCase(Locale.ROOT) + " routes", routed));
            return 0;
        }
    }
}
