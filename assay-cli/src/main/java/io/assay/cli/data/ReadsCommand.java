package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.ReadView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "reads", mixinStandardHelpOptions = true,
        description = "The read log: every read of the data environment, allowed or refused, oldest first.")
final class ReadsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--user", description = "Only this user's reads")
    String user;

    ReadsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); DataApi data = session.data()) {
            List<ReadView> reads = data.reads(Optional.ofNullable(user));
            var json = context.output().object();
            json.set("reads", io.assay.cli.Output.JSON.valueToTree(reads));
            context.output().result(json, out -> {
                out.printf("%-27s %-12s %-8s %-30s %s%n", "WHEN", "USER", "OUTCOME", "TABLES", "WHAT, AND THE PURPOSE");
                reads.forEach(read -> out.printf("%-27s %-12s %-8s %-30s %s  \"%s\"%n", read.readAt(), read.user(), read.outcome(),
                        String.join(",", read.tables()), read.detail(), read.purpose()));
            });
            return 0;
        }
    }
}
