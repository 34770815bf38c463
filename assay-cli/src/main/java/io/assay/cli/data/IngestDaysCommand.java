package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.ContractView;
import io.assay.api.DayExtract;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@Command(name = "ingest-days", mixinStandardHelpOptions = true,
        description = "Ingest the day folders (yyyy-MM-dd) of an extract from one day to another, oldest first; each table of each "
                + "day is published or rejected on its own, and a day already in changes nothing.")
final class IngestDaysCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "DIR", description = "The extract folder holding one folder per business day")
    Path extract;

    @Option(names = "--from", description = "First day (default: the oldest folder)")
    Optional<LocalDate> from;

    @Option(names = "--to", description = "Last day, included (default: the newest folder)")
    Optional<LocalDate> to;

    IngestDaysCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Path> days = days();
        try (Session session = context.openSession(); DataApi data = session.data()) {
            Set<String> tables = data.contracts().stream().map(ContractView::table).collect(Collectors.toSet());
            var output = context.output();
            var json = output.object();
            var list = json.putArray("days");
            boolean failed = false;
            for (Path folder : days) {
                LocalDate day = LocalDate.parse(folder.getFileName().toString());
                List<DayExtract.Outcome> outcomes = DayExtract.of(folder, day, tables).ingestInto(data);
                var node = list.addObject().put("business_date", day.toString());
                var tableNodes = node.putArray("tables");
                outcomes.forEach(outcome -> tableNodes.add(DataViews.dayOutcome(outcome)));
                failed |= outcomes.stream().anyMatch(outcome -> outcome.error().isPresent());
                if (!output.json()) {
                    long published = outcomes.stream().filter(o -> o.result().map(r -> r.outcome().equals("PUBLISHED")).orElse(false)).count();
                    long unchanged = outcomes.stream().filter(o -> o.result().map(r -> r.outcome().equals("ALREADY_INGESTED"))
                            .orElse(false)).count();
                    output.note(String.format("%s: %d table(s) published, %d already in%s", day, published, unchanged,
                            outcomes.stream().filter(o -> o.error().isPresent()).map(o -> "; " + o.table() + " FAILED "
                                    + o.error().get().code() + ": " + o.error().get().getMessage()).collect(Collectors.joining())));
                }
            }
            int count = days.size();
            output.result(json.put("days_ingested", count), out -> out.printf("%d day(s) from %s to %s%n", count,
                    days.get(0).getFileName(), days.get(count - 1).getFileName()));
            return failed ? 2 : 0;
        }
    }

    private List<Path> days() {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw AssayException.invalid("--to " + to.get() + " is before --from " + from.get());
        }
        List<Path> days = new ArrayList<>();
        try (Stream<Path> entries = Files.list(extract)) {
            for (Path folder : entries.filter(Files::isDirectory).sorted().toList()) {
                LocalDate day;
                try {
                    day = LocalDate.parse(folder.getFileName().toString());
                } catch (DateTimeParseException notADay) {
                    continue;
                }
                if (from.map(first -> !day.isBefore(first)).orElse(true) && to.map(last -> !day.isAfter(last)).orElse(true)) {
                    days.add(folder);
                }
            }
        } catch (IOException e) {
            throw new AssayException(ErrorCode.INVALID_BATCH, "extract folder " + extract + " cannot be listed: " + e.getMessage());
        }
        if (days.isEmpty()) {
            throw new AssayException(ErrorCode.INVALID_BATCH, "extract folder " + extract + " holds no day folder (yyyy-MM-dd)"
                    + from.map(d -> " from " + d).orElse("") + to.map(d -> " to " + d).orElse(""));
        }
        return days;
    }
}
