package io.assay.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.banksim.BankSimulator;
import io.assay.banksim.SimulationConfig;
import io.assay.banksim.SimulationSummary;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.core.error.AssayException;
import io.assay.data.DurableFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Tell the story so far on a simulated bank: daily extracts ingested into the data environment "
                + "(contracts, pseudonymisation, quarantine, snapshots) and read under logged grants; point-in-time features, "
                + "horizon labels and a training set per use case; use cases registered and "
                + "a model version walked from draft to production by distinct reviewers, every step in a hash-chained audit log. "
                + "Runs in <home>/demo, which it resets; nothing else in the home is touched.")
public final class DemoCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--customers", defaultValue = "2000", description = "Customers of the simulated bank (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--days", defaultValue = "200", description = "Business days, ending yesterday; the 90-day labels take over "
            + "100, the stability gate wants their 90-day windows full (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    DemoCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Output output = context.output();
        LocalDate today = LocalDate.now(context.environment().clock());
        SimulationConfig simulation;
        try {
            simulation = SimulationConfig.defaults().withCustomers(customers).withDays(days).withSeed(seed)
                    .withStartDate(today.minusDays(days)).withShiftDay(Math.max(1, days * 2 / 3));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalid(e.getMessage());
        }
        var config = context.config();
        Path demoHome = config.home().resolve("demo");
        reset(demoHome);
        DemoStory story = new DemoStory(output, today);
        output.note("Assay demo — home " + demoHome);
        output.note("");
        output.note("1. A simulated bank writes " + days + " nightly extracts for " + customers + " customers.");
        Path extract = demoHome.resolve("extract");
        var simulating = output.progress("   simulating", days);
        SimulationSummary bank = new BankSimulator().run(simulation, extract,
                (day, index, total, rows) -> simulating.update(index + 1, day.toString()));
        story.bank(bank);
        try (Session session = new Session(config.withHome(demoHome), context.environment());
             DemoServer server = DemoServer.start(session, context.environment().clock(), output)) {
            story.people(session, server, config.actor());
            story.ingest(server.dataAs(DemoServer.STEWARD), extract);
            story.access(server);
            story.features(server, bank.lastDate());
            story.governance(session, server, context.environment().clock());
        }
        ObjectNode summary = story.summary();
        output.result(summary, out -> story.printSummary(out, demoHome));
        return 0;
    }

    private static void reset(Path demoHome) {
        try {
            DurableFiles.deleteRecursively(demoHome);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the demo home " + demoHome, e);
        }
    }
}
