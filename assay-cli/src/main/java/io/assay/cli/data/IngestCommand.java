package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.IngestView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
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
        try (Session session = context.openSession(); DataApi data = session.data()) {
            IngestView result = data.ingest(table, date, file, Optional.empty());
            context.output().result(result, out -> DataViews.printIngest(out, table, result));
            return 0;
        }
    }
}
