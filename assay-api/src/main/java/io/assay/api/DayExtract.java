package io.assay.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.api.DataViews.ControlTotalsView;
import io.assay.api.DataViews.IngestView;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * One business day's extract folder: every {@code <table>.csv} in it, in ingest order (reference
 * data first), with the control totals of {@code extract.json} when the bank sends them. The
 * whole folder is checked before anything is ingested — unknown files, files that lead outside
 * the folder, a folder named for another day — so a bad folder changes nothing. Each table is
 * then its own atomic ingest, through the {@link DataApi} in-process or against a server alike.
 */
public final class DayExtract {
    /** Tables in the order a day is ingested: reference data first. */
    private static final List<String> ORDER = List.of("customers", "accounts", "products", "transactions", "digital_events");
    private static final String CONTROL_FILE = "extract.json";

    /** One file of the day and the totals the extract declares for it. */
    public record Batch(String table, Path file, Optional<ControlTotalsView> expected) {
        public Batch {
            requireNonNull(table, "table is null");
            requireNonNull(file, "file is null");
            requireNonNull(expected, "expected is null");
        }
    }

    /** How one table of the day went: a result, or the error that stopped it. */
    public record Outcome(String table, String file, Optional<IngestView> result, Optional<AssayException> error) {
        public Outcome {
            requireNonNull(result, "result is null");
            requireNonNull(error, "error is null");
        }
    }

    private final LocalDate businessDate;
    private final List<Batch> batches;

    private DayExtract(LocalDate businessDate, List<Batch> batches) {
        this.businessDate = businessDate;
        this.batches = List.copyOf(batches);
    }

    /**
     * Reads and checks the folder.
     *
     * @param knownTables the tables the data environment has contracts for
     * @throws AssayException INVALID_BATCH, UNKNOWN_TABLE or PATH_OUTSIDE_FOLDER, naming the file
     */
    public static DayExtract of(Path folder, LocalDate businessDate, Set<String> knownTables) {
        requireNonNull(businessDate, "businessDate is null");
        Map<String, ControlTotalsView> totals = controlTotals(folder, businessDate);
        List<Batch> batches = new ArrayList<>();
        checkedFiles(folder, businessDate, knownTables).forEach((table, file) ->
                batches.add(new Batch(table, file, Optional.ofNullable(totals.get(file.getFileName().toString())))));
        return new DayExtract(businessDate, batches);
    }

    public List<Batch> batches() {
        return batches;
    }

    /** Ingests every batch, each on its own: one that fails is reported beside the others that went in. */
    public List<Outcome> ingestInto(DataApi data) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Batch batch : batches) {
            String fileName = batch.file().getFileName().toString();
            try {
                outcomes.add(new Outcome(batch.table(), fileName, Optional.of(data.ingest(batch.table(), businessDate, batch.file(),
                        batch.expected())), Optional.empty()));
            } catch (AssayException e) {
                outcomes.add(new Outcome(batch.table(), fileName, Optional.empty(), Optional.of(e)));
            }
        }
        return outcomes;
    }

    private static Map<String, Path> checkedFiles(Path folder, LocalDate businessDate, Set<String> knownTables) {
        if (!Files.isDirectory(folder)) {
            throw new AssayException(ErrorCode.INVALID_BATCH, "extract folder " + folder + " does not exist or is not a folder");
        }
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        try {
            LocalDate named = LocalDate.parse(name);
            if (!named.equals(businessDate)) {
                throw new AssayException(ErrorCode.INVALID_BATCH, "extract folder " + folder + " is named for " + named
                        + " but --date is " + businessDate + "; pass the folder's own date");
            }
        } catch (DateTimeParseException notADateName) {
            // a folder not named for a date is fine: --date says which day it is
        }
        Map<String, Path> byTable = new TreeMap<>((a, b) -> Integer.compare(rank(a), rank(b)) != 0
                ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
        try (Stream<Path> entries = Files.list(folder)) {
            Path root = folder.toRealPath();
            for (Path file : entries.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".csv")) {
                    continue;
                }
                if (!file.toRealPath().startsWith(root)) {
                    throw new AssayException(ErrorCode.PATH_OUTSIDE_FOLDER, "batch file " + file
                            + " leads outside the extract folder (a link to " + file.toRealPath() + "); copy the file in instead");
                }
                String table = fileName.substring(0, fileName.length() - ".csv".length());
                if (!knownTables.contains(table)) {
                    throw new AssayException(ErrorCode.UNKNOWN_TABLE, "batch file " + file + " is for unknown table " + Names.quoted(table)
                            + "; known tables: " + String.join(", ", new TreeSet<>(knownTables)));
                }
                byTable.put(table, file);
            }
        } catch (IOException e) {
            throw new AssayException(ErrorCode.INVALID_BATCH, "extract folder " + folder + " cannot be listed: " + e.getMessage());
        }
        if (byTable.isEmpty()) {
            throw new AssayException(ErrorCode.INVALID_BATCH, "extract folder " + folder + " holds no batch files (<table>.csv)");
        }
        return byTable;
    }

    private static Map<String, ControlTotalsView> controlTotals(Path folder, LocalDate businessDate) {
        Path file = folder.resolve(CONTROL_FILE);
        Map<String, ControlTotalsView> totals = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return totals;
        }
        try {
            JsonNode root = Wire.JSON.readTree(file.toFile());
            String declaredDate = root.path("business_date").asText(businessDate.toString());
            if (!declaredDate.equals(businessDate.toString())) {
                throw new AssayException(ErrorCode.INVALID_BATCH, "control file " + file + " is for " + declaredDate
                        + ", not " + businessDate);
            }
            root.path("files").fields().forEachRemaining(entry -> totals.put(entry.getKey(),
                    new ControlTotalsView(entry.getValue().path("rows").asLong(), entry.getValue().path("sha256").asText())));
            return totals;
        } catch (IOException e) {
            throw new AssayException(ErrorCode.INVALID_BATCH, "control file " + file + " is not valid JSON: " + e.getMessage());
        }
    }

    private static int rank(String table) {
        int index = ORDER.indexOf(table);
        return index < 0 ? ORDER.size() : index;
    }
}
