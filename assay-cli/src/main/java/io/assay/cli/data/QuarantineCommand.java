package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.QuarantineView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
        try (Session session = context.openSession(); DataApi data = session.data()) {
            QuarantineView quarantine = data.quarantine(id, limit);
            context.output().result(quarantine, out -> {
                out.printf("%s: %,d quarantined row(s) %s%n", quarantine.snapshot(), quarantine.quarantinedRows(), quarantine.byRule());
                out.printf("  %-13s %-22s %-18s %s%n", "LINE", "RULE", "COLUMN", "WHY");
                quarantine.rows().forEach(entry -> out.printf("  line %-8d %-22s %-18s %s%n", entry.sourceRow(), entry.rule(),
                        entry.column(), entry.detail()));
                if (quarantine.quarantinedRows() > quarantine.rows().size()) {
                    out.printf("  … %,d more (use --limit)%n", quarantine.quarantinedRows() - quarantine.rows().size());
                }
            });
            return 0;
        }
    }
}
