package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.SnapshotView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Explain one snapshot: rows, hashes, contract version, schema and privacy, quarantine by rule.")
final class ShowCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "SNAPSHOT", description = "Snapshot id (see: assay data snapshots)")
    String id;

    ShowCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); DataApi data = session.data()) {
            SnapshotView snapshot = data.snapshot(id);
            context.output().result(snapshot, out -> {
                out.printf("Snapshot        %s%n", snapshot.id());
                out.printf("Table           %s (contract v%d)%n", snapshot.table(), snapshot.contractVersion());
                out.printf("Business date   %s%n", snapshot.businessDate());
                out.printf("Source          %s, %,d rows, SHA-256 %s%n", snapshot.sourceFile(), snapshot.sourceRows(),
                        snapshot.sourceSha256());
                out.printf("Published       %,d rows, SHA-256 %s%n", snapshot.rows(), snapshot.contentSha256());
                out.printf("Quarantined     %,d rows %s%n", snapshot.quarantinedRows(), snapshot.quarantined());
                out.printf("Published by    %s at %s%n", snapshot.publishedBy(), snapshot.publishedAt());
                out.printf("Location        %s%n", snapshot.location());
                out.println("Columns");
                snapshot.columns().forEach(column -> out.printf("  %-20s %-14s %-18s %s%n", column.name(), column.type(),
                        column.privacy(), column.nullable() ? "nullable" : "required"));
            });
            return 0;
        }
    }
}
