package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.SnapshotView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "snapshots", mixinStandardHelpOptions = true, description = "List published snapshots.")
final class SnapshotsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--table", description = "Only this table's snapshots")
    String table;

    SnapshotsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); DataApi data = session.data()) {
            List<SnapshotView> snapshots = data.snapshots(Optional.ofNullable(table));
            var json = context.output().object();
            json.set("snapshots", io.assay.cli.Output.JSON.valueToTree(snapshots));
            context.output().result(json, out -> {
                out.printf("%-44s %-15s %-10s %15s %19s  %s%n", "SNAPSHOT", "TABLE", "DAY", "ROWS", "QUARANTINED", "CONTRACT");
                snapshots.forEach(snapshot -> DataViews.printSnapshotLine(out, snapshot));
                out.printf("%d snapshot(s)%n", snapshots.size());
            });
            return 0;
        }
    }
}
