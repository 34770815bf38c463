package io.assay.cli.data;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.data.Snapshot;
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
        try (Session session = context.openSession()) {
            List<Snapshot> snapshots = session.data().snapshots(Optional.ofNullable(table));
            var json = context.output().object();
            var list = json.putArray("snapshots");
            snapshots.forEach(snapshot -> list.add(DataViews.snapshot(snapshot)));
            context.output().result(json, out -> {
                snapshots.forEach(snapshot -> DataViews.printSnapshotLine(out, snapshot));
                out.printf("%d snapshot(s)%n", snapshots.size());
            });
            return 0;
        }
    }
}
