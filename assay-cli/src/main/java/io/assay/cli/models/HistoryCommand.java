package io.assay.cli.models;

import io.assay.api.AuditEventView;
import io.assay.api.Governance;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Every recorded action on a version, refused ones included, from the audit log.")
final class HistoryCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Parameters(index = "1", description = "Version number")
    int number;

    HistoryCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); Governance as = session.governance()) {
            List<AuditEventView> events = as.history(useCase, number);
            context.output().result(events, out -> events.forEach(event -> out.printf("#%-6d %s  %-16s %-30s %-10s -> %-10s %s%n",
                    event.sequence(), event.time().toString().substring(0, 19), event.actor(), event.action(), event.before(),
                    event.after(), event.reason())));
            return 0;
        }
    }
}
