package io.assay.cli.models;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.core.audit.AuditEvent;
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
        try (Session session = context.openSession()) {
            List<AuditEvent> events = session.registry().history(useCase, number);
            ArrayNode rows = Output.JSON.createArrayNode();
            events.forEach(event -> rows.add(ModelViews.event(event)));
            context.output().result(rows, out -> events.forEach(event -> out.printf("#%-6d %s  %-16s %-30s %-10s -> %-10s %s%n",
                    event.sequence(), event.entry().time().toString().substring(0, 19), event.entry().actor(), event.entry().action(),
                    event.entry().before(), event.entry().after(), event.entry().reason())));
            return 0;
        }
    }
}
