package io.assay.cli.bank;

import io.assay.banksim.BankSimulator;
import io.assay.banksim.SimulationConfig;
import io.assay.banksim.SimulationSummary;
import io.assay.cli.CommandContext;
import io.assay.core.error.AssayException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Write a simulated bank's nightly extracts: one folder per business day of CSV batch files.")
public final class SimulateCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--customers", description = "Number of customers (default: ${DEFAULT-VALUE})", defaultValue = "5000")
    int customers;

    @Option(names = "--days", description = "Business days to simulate (default: ${DEFAULT-VALUE})", defaultValue = "90")
    int days;

    @Option(names = "--seed", description = "Random seed; the same seed writes the same files (default: ${DEFAULT-VALUE})",
            defaultValue = "7")
    long seed;

    @Option(names = "--start", description = "First business day (default: the days end yesterday; give one to write the same "
            + "bytes again another day)")
    java.util.Optional<LocalDate> start;

    @Option(names = "--shift-day", description = "Day from which spending inflates and salaries are booked differently; 0 = never (default: ${DEFAULT-VALUE})",
            defaultValue = "60")
    int shiftDay;

    @Option(names = "--bad-rows", description = "Share of deliberately broken rows (default: ${DEFAULT-VALUE})",
            defaultValue = "0.002")
    double badRows;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the day folders into")
    Path out;

    SimulateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SimulationConfig config;
        try {
            config = SimulationConfig.defaults().withCustomers(customers).withDays(days).withSeed(seed).withStartDate(start.orElseGet(() -> LocalDate.now(context.environment().clock()).minusDays(days)))
                    .withShiftDay(Math.min(shiftDay, days)).withBadRowRate(badRows);
        } catch (IllegalArgumentException e) {
            throw AssayException.invalid(e.getMessage());
        }
        var output = context.output();
        var progress = output.progress("simulating", config.days());
        SimulationSummary summary;
        try {
            summary = new BankSimulator().run(config, out,
                    (day, index, total, rows) -> progress.update(index + 1, day + " " + rows + " rows"));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalid(e.getMessage());
        }
        output.result(summary, text -> text.printf("Wrote %d days (%s to %s) to %s: %s%n", summary.daysWritten(),
                summary.firstDate(), summary.lastDate(), out, summary.rowsPerTable()));
        return 0;
    }
}
