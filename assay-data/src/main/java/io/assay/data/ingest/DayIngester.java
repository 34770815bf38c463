package io.assay.data.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.contract.Contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Ingests one business day's extract folder: every {@code <table>.csv} in it, each table its own
 * atomic unit. The whole folder is checked before anything is ingested — unknown files, files
 * that lead outside the folder, a folder named for another day — so a bad folder changes nothing.
 * When the extract carries {@code extract.json}, each file is checked against its control totals.
 */
public final class DayIngester {
    /** Tables in the order a day is ingested: reference data first. */
    private static final List<String> ORDER = List.of("customers", "accounts", "products", "transactions", "digital_events");
    private static final String CONTROL_FILE = "extract.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How one table of the day went: a result, or the error that stopped it. */
    public record TableOutcome(String table, String file, Optional<IngestResult> result, Optional<AssayException> error) {
        public TableOutcome {
            requireNonNull(result, "result is null");
            requireNonNull(error, "error is null");
        }
    }

    private final BatchIngester ingester;
    private final Contracts contracts;

    public DayIngester(BatchIngester ingester, Contracts contracts) {
        this.ingester = requireNonNull(ingester, "ingester is null");
        this.contracts = requireNonNull(contracts, "contracts is null");
    }

    public List<TableOutcome> ingestDay(Path folder, LocalDate businessDate, String user) {
        Map<String, Path> files = checkedFiles(folder, businessDate);
        Map<String, ControlTotals> control = controlTotals(folder, businessDate);
        List<TableOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, Path> entry : files.entrySet()) {
            String table = entry.getKey();
            String fileName = entry.getValue().getFileName().toString();
            try {
                IngestResult result = ingester.ingest(entry.getValue(), table, businessDate, user,
                        Optional.ofNullable(control.get(fileName)));
                outcomes.add(new TableOutcome(table, fileName, Optional.of(result), Optional.empty()));
            } catch (AssayException e) {
                outcomes.add(new TableOutcome(table, fileName, Optional.empty(), Optional.of(e)));
            }
        }
        return outcomes;
    }

    /** The day's batch files by table, in ingest order, after checking the folder as a whole. */
    private Map<String, Path> checkedFiles(Path folder, LocalDate businessDate) {
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
                contracts.forTable(table);
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

    private static Map<String, ControlTotals> controlTotals(Path folder, LocalDate businessDate) {
        Path file = folder.resolve(CONTROL_FILE);
        Map<String, ControlTotals> totals = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return totals;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            String declaredDate = root.path("business_date").asText(businessDate.toString());
            if (!declaredDate.equals(businessDate.toString())) {
                throw new AssayException(ErrorCode.INVALID_BATCH, "control file " + file + " is for " + declaredDate
                        + ", not " + businessDate);
            }
            JsonNode files = root.path("files");
            files.fields().forEachRemaining(entry -> totals.put(entry.getKey(),
                    new ControlTotals(entry.getValue().path("rows").asLong(), entry.getValue().path("sha256").asText())));
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
