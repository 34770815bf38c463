package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.GrantView;
import io.assay.api.Requests;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "grant", mixinStandardHelpOptions = true,
        description = "Let another user read some tables for a stated purpose until a date (DATA_STEWARD; never to yourself); logged.")
final class GrantCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--user", required = true, description = "Who may read (an active user)")
    String user;

    @Option(names = "--purpose", required = true, description = "Why, in words an auditor understands")
    String purpose;

    @Option(names = "--tables", required = true, split = ",", description = "Tables, comma-separated")
    List<String> tables;

    @Option(names = "--expires", required = true, description = "Last day the grant is valid (yyyy-MM-dd), to its end")
    LocalDate expires;

    GrantCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); DataApi data = session.data()) {
            GrantView grant = data.grant(new Requests.GrantAccess(user, purpose, tables, expires));
            context.output().result(grant, out -> out.printf("Granted %s: %s may read %s for \"%s\" until the end of %s%n", grant.id(),
                    grant.user(), String.join(", ", grant.tables()), grant.purpose(), grant.expiresOn()));
            return 0;
        }
    }
}
