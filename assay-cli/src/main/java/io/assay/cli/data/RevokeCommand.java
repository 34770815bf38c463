package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.GrantView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "revoke", mixinStandardHelpOptions = true, description = "End a grant now (DATA_STEWARD); logged.")
final class RevokeCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "GRANT", description = "Grant id (see: assay data grants)")
    String grantId;

    RevokeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); DataApi data = session.data()) {
            GrantView grant = data.revoke(grantId);
            context.output().result(grant, out -> out.printf("Revoked %s (%s on %s)%n", grant.id(), grant.user(),
                    String.join(", ", grant.tables())));
            return 0;
        }
    }
}
