package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.GrantView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "grants", mixinStandardHelpOptions = true,
        description = "List access grants, newest first (stewards, data reviewers and auditors; anyone their own with --user).")
final class GrantsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--user", description = "Only this user's grants")
    String user;

    GrantsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); DataApi data = session.data()) {
            List<GrantView> grants = data.grants(Optional.ofNullable(user));
            var json = context.output().object();
            json.set("grants", io.assay.cli.Output.JSON.valueToTree(grants));
            var clock = context.environment().clock();
            context.output().result(json, out -> {
                out.printf("%-24s %-12s %-8s %-40s %-16s %s%n", "GRANT", "USER", "STATE", "TABLES", "UNTIL (END OF)", "PURPOSE");
                grants.forEach(grant -> out.printf("%-24s %-12s %-8s %-40s %-16s \"%s\"%n", grant.id(), grant.user(),
                        DataViews.state(grant, clock), String.join(",", grant.tables()), grant.expiresOn(), grant.purpose()));
            });
            return 0;
        }
    }
}
