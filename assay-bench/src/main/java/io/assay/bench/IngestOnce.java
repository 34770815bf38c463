package io.assay.bench;

import io.assay.core.common.IdSource;
import io.assay.data.DataEnvironment;
import io.assay.data.DataLayout;
import io.assay.testing.InMemoryDataCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One ingest of a transactions batch into a fresh home, in this JVM or in a child JVM that reports its peak memory. */
final class IngestOnce {
    /** A fixed key: the benchmark measures the work, not key handling. */
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private IngestOnce() {}

    /** The metadata catalog is the in-memory one: its cost is one row per batch, and this is about the batch. */
    static void ingest(Path home, Path batch, LocalDate date) {
        DataEnvironment data = new DataEnvironment(new DataLayout(home), new InMemoryDataCatalog(), io.assay.testing.DataFixtures.people(),
                new io.assay.testing.InMemoryRegistryStore(), Clock.systemUTC(),
                IdSource.random(), Optional.of(KEY));
        data.ingest("bench", batch, "transactions", date, Optional.empty());
    }

    public static void main(String[] args) throws Exception {
        ingest(Path.of(args[0]), Path.of(args[1]), LocalDate.parse(args[2]));
        String status = Files.readString(Path.of("/proc/self/status"));
        String peak = status.lines().filter(line -> line.startsWith("VmHWM:")).findFirst().orElse("VmHWM: ? kB");
        System.out.println(peak.replaceAll("\\s+", " "));
    }

    static String inChild(Path home, Path batch, LocalDate date) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx192m", "-cp", System.getProperty("java.class.path"),
                BenchMain.class.getName(), "ingest-once", home.toString(), batch.toString(), date.toString()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        if (child.waitFor() != 0) {
            return "FAILED: " + output.strip();
        }
        return output.lines().filter(line -> line.startsWith("VmHWM")).findFirst()
                .map(line -> String.format("%,d MB", Long.parseLong(line.replaceAll("\\D", "")) >> 10)).orElse("?");
    }
}
