package io.assay.cli.data;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.data.AccessGrant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "grants", mixinStandardHelpOptions = true, description = "List access grants, newest first.")
final class GrantsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--user", description = "Only this user's grants")
    String user;

    GrantsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession()) {
            List<AccessGrant> grants = session.data().access().grants(Optional.ofNullable(user));
            var json = context.output().object();
            var list = json.putArray("grants");
            grants.forEach(grant -> list.add(DataViews.grant(grant)));
            var clock = context.environment().clock();
            context.output().result(json, out -> grants.forEach(grant -> out.printf("%-24s %-12s %-8s %-40s until %s  \"%s\"%n",
                    grant.id(), grant.user(), grant.revocation().isPresent() ? "revoked"
                            : grant.isLiveAt(clock.instant(), clock.getZone()) ? "live" : "expired",
                    String.join(",", grant.tables()), grant.expiresOn(), grant.purpose())));
            return 0;
        }
    }
}
