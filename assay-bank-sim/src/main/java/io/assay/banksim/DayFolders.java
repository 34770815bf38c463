package io.assay.banksim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.Map;

/**
 * The output folder: one folder per business day, each written as {@code .<date>.partial},
 * completed by {@code extract.json} and only then renamed atomically to {@code <date>}, so a
 * reader never sees half a day. A day folder written before by the same simulation is replaced;
 * one written by another simulation (or by anything else) is refused before anything is written.
 */
final class DayFolders {
    static final String CONTROL_FILE = "extract.json";
    static final int EXTRACT_FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outDir;
    private final ObjectNode simulation;

    private DayFolders(Path outDir, ObjectNode simulation) {
        this.outDir = outDir;
        this.simulation = simulation;
    }

    /** Checks and creates the output folder; fails with IllegalArgumentException before writing anything. */
    static DayFolders prepare(Path outDir, SimulationConfig config) {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalArgumentException("outDir " + outDir + " is a file, not a folder");
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new IllegalArgumentException("outDir " + outDir + " cannot be created: " + e, e);
        }
        DayFolders folders = new DayFolders(outDir, identity(config));
        for (int day = 0; day < config.days(); day++) {
            folders.checkReplaceable(config.startDate().plusDays(day));
        }
        return folders;
    }

    /** A fresh, empty temporary folder for the day. */
    Path startDay(LocalDate date) {
        Path partial = outDir.resolve("." + date + ".partial");
        try {
            deleteRecursively(partial);
            return Files.createDirectory(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + partial, e);
        }
    }

    /** Forces the day's files to disk, writes extract.json last, and renames the folder into place. */
    void publish(LocalDate date, Path partial, Map<Table, DayFiles.Totals> totals) {
        ObjectNode control = JSON.createObjectNode();
        control.put("extract_format", EXTRACT_FORMAT);
        control.put("business_date", date.toString());
        ObjectNode files = control.putObject("files");
        totals.forEach((table, total) ->
                files.putObject(table.fileName()).put("rows", total.rows()).put("sha256", total.sha256()));
        control.set("simulation", simulation);
        Path target = outDir.resolve(date.toString());
        Path replaced = outDir.resolve("." + date + ".replaced");
        try {
            for (Table table : totals.keySet()) {
                force(partial.resolve(table.fileName()));
            }
            Path controlFile = partial.resolve(CONTROL_FILE);
            Files.write(controlFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(control));
            force(controlFile);
            deleteRecursively(replaced);
            if (Files.exists(target)) {
                Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(replaced);
            forceDirectory(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish day folder " + target, e);
        }
    }

    /** Removes a day's temporary folder after a failure. */
    void abandon(Path partial) {
        try {
            deleteRecursively(partial);
        } catch (IOException e) {
            // The next run deletes it anyway; the original failure is the one worth reporting.
        }
    }

    /**
     * What identifies a simulation's day folders: everything that shapes a day's content (not
     * the number of days, which only decides where the run stops). Read back through JSON so that
     * it compares equal to what a control file holds (a long seed reads back as an int node).
     */
    private static ObjectNode identity(SimulationConfig config) {
        ObjectNode node = JSON.createObjectNode();
        node.put("generator", "assay-bank-sim");
        node.put("customers", config.customers());
        node.put("seed", config.seed());
        node.put("start_date", config.startDate().toString());
        node.put("shift", config.shift().name());
        node.put("shift_day", config.shiftDay());
        node.put("bad_row_rate", config.badRowRate());
        try {
            return (ObjectNode) JSON.readTree(JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkReplaceable(LocalDate date) {
        Path folder = outDir.resolve(date.toString());
        if (!Files.exists(folder)) {
            return;
        }
        JsonNode written = null;
        try {
            written = JSON.readTree(folder.resolve(CONTROL_FILE).toFile()).path("simulation");
        } catch (IOException e) {
            // Unreadable or missing: not ours to replace.
        }
        if (written == null || !written.equals(simulation)) {
            throw new IllegalArgumentException("outDir " + outDir + " already holds day folder " + date
                    + " that another simulation (or something else) wrote; choose an empty folder or remove it first");
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform can sync a directory; the rename itself was atomic.
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
