package io.assay.cli.data;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.data.Snapshot;
import io.assay.data.QuarantineReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "List the rows of a batch that were held back, with the rule each broke and why.")
final class QuarantineCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "SNAPSHOT", description = "Snapshot id (see: assay data snapshots)")
    String id;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many rows (default: ${DEFAULT-VALUE})")
    int limit;

    QuarantineCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw io.assay.core.error.AssayException.invalid("--limit must be at least 1, was " + limit);
        }
        try (Session session = context.openSession()) {
            Snapshot snapshot = session.data().snapshot(id);
            List<QuarantineReader.Entry> entries = session.data().quarantine().read(snapshot, limit);
            var json = context.output().object().put("snapshot", snapshot.id()).put("quarantined_rows", snapshot.quarantinedRows());
            var byRule = json.putObject("by_rule");
            snapshot.quarantined().forEach(byRule::put);
            var rows = json.putArray("rows");
            entries.forEach(entry -> rows.addObject().put("source_row", entry.sourceRow()).put("rule", entry.rule())
                    .put("column", entry.column()).put("detail", entry.detail()));
            context.output().result(json, out -> {
                out.printf("%s: %,d quarantined row(s) %s%n", snapshot.id(), snapshot.quarantinedRows(), snapshot.quarantined());
                entries.forEach(entry -> out.printf("  line %-8d %-22s %-18s %s%n", entry.sourceRow(), entry.rule(),
                        entry.column(), entry.detail()));
                if (snapshot.quarantinedRows() > entries.size()) {
                    out.printf("  … %,d more (use --limit)%n", snapshot.quarantinedRows() - entries.size());
                }
            });
            return 0;
        }
    }
}
