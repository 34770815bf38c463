package io.assay.cli.data;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.data.AccessGrant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "grant", mixinStandardHelpOptions = true,
        description = "Let a user read some tables for a stated purpose until a date; logged.")
final class GrantCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--user", required = true, description = "Who may read")
    String user;

    @Option(names = "--purpose", required = true, description = "Why, in words an auditor understands")
    String purpose;

    @Option(names = "--tables", required = true, split = ",", description = "Tables, comma-separated")
    List<String> tables;

    @Option(names = "--expires", required = true, description = "Last day the grant is valid (yyyy-MM-dd)")
    LocalDate expires;

    GrantCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession()) {
            AccessGrant grant = session.data().access().grant(user, purpose, tables, expires, session.config().actor());
            context.output().result(DataViews.grant(grant), out -> out.printf(
                    "Granted %s: %s may read %s for \"%s\" until the end of %s%n", grant.id(), grant.user(),
                    String.join(", ", grant.tables()), grant.purpose(), grant.expiresOn()));
            return 0;
        }
    }
}
