package io.assay.cli.data;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.data.ingest.IngestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Check one batch file against its table's contract, pseudonymise it, quarantine bad rows "
                + "and publish an immutable snapshot. The same content twice is a no-op.")
final class IngestCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "FILE", description = "The batch file (CSV with a header row)")
    Path file;

    @Option(names = "--table", required = true, description = "The table the batch belongs to")
    String table;

    @Option(names = "--date", required = true, description = "The business day of the batch (yyyy-MM-dd)")
    LocalDate date;

    IngestCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession()) {
            IngestResult result = session.data().ingester().ingest(file, table, date, session.config().actor());
            context.output().result(DataViews.ingest(result), out -> DataViews.printIngest(out, table, result));
            return 0;
        }
    }
}
