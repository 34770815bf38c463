package io.assay.banksim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Simulations shared by the test classes: each config runs once per test JVM, into a temporary
 * folder removed when the JVM exits, because the behaviour tests read the same extract many ways.
 */
final class Runs {
    /** The extract most behaviour tests read: 2,000 customers over 90 days, the default shift on day 60. */
    static final SimulationConfig STANDARD = SimulationConfig.defaults().withCustomers(2000).withBadRowRate(0);
    /** The same bank without the shift, to show that what the shift changes does not change by itself. */
    static final SimulationConfig UNSHIFTED = STANDARD.withShift(Shift.NONE);
    /** Bad rows at 1 %, with enough customer rows that every kind, negative ages too, shows up in a short run. */
    static final SimulationConfig BROKEN = SimulationConfig.defaults().withCustomers(2000).withDays(10).withBadRowRate(0.01);

    private static final Map<SimulationConfig, Run> RUNS = new HashMap<>();
    private static Path root;

    record Run(SimulationConfig config, Path folder, SimulationSummary summary) {
        Extract extract() {
            return new Extract(folder);
        }
    }

    private Runs() {
    }

    static synchronized Run of(SimulationConfig config) {
        return RUNS.computeIfAbsent(config, key -> {
            Path folder = newFolder();
            SimulationSummary summary = new BankSimulator().run(key, folder, (day, index, total, rows) -> { });
            return new Run(key, folder, summary);
        });
    }

    /** A fresh empty folder inside the shared temporary root. */
    static synchronized Path newFolder() {
        try {
            if (root == null) {
                root = Files.createTempDirectory("bank-sim-tests");
                Path created = root;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(created)));
            }
            return Files.createTempDirectory(root, "run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is not worth failing a test run for.
        }
    }
}
