package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.ContractView;
import io.assay.api.DayExtract;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "ingest-day", mixinStandardHelpOptions = true,
        description = "Ingest every table of one business day's extract folder (<table>.csv files); each table "
                + "is published or rejected on its own.")
final class IngestDayCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "DIR", description = "The day's extract folder")
    Path folder;

    @Option(names = "--date", required = true, description = "The business day (yyyy-MM-dd)")
    LocalDate date;

    IngestDayCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); DataApi data = session.data()) {
            DayExtract extract = DayExtract.of(folder, date, data.contracts().stream().map(ContractView::table).collect(Collectors.toSet()));
            List<DayExtract.Outcome> outcomes = extract.ingestInto(data);
            var output = context.output();
            var json = output.object().put("business_date", date.toString());
            var tables = json.putArray("tables");
            outcomes.forEach(outcome -> tables.add(DataViews.dayOutcome(outcome)));
            output.result(json, out -> outcomes.forEach(outcome -> {
                outcome.result().ifPresent(result -> DataViews.printIngest(out, outcome.table(), result));
                outcome.error().ifPresent(error -> out.printf("%-15s FAILED %s: %s%n", outcome.table(), error.code(),
                        error.getMessage()));
            }));
            return outcomes.stream().anyMatch(outcome -> outcome.error().isPresent()) ? 2 : 0;
        }
    }
}
