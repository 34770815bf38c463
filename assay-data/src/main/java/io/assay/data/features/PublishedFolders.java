package io.assay.data.features;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DurableFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Immutable, content-addressed folders of a data file and its manifest, published as snapshots
 * are: written in staging, synced, and renamed into place. A folder that exists already holds the
 * same content (its name carries the content hash), so publishing it again changes nothing.
 */
final class PublishedFolders {
    static final String DATA_FILE = "data.parquet";
    static final String MANIFEST_FILE = "manifest.json";

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PublishedFolders() {
    }

    /**
     * Moves {@code staging} (holding the data file) to {@code target} with {@code manifest}
     * beside it; returns false, deleting {@code staging}, when {@code target} was published before.
     */
    static boolean publish(Path staging, Path target, Object manifest) {
        try {
            if (Files.isDirectory(target)) {
                DurableFiles.deleteRecursively(staging);
                return false;
            }
            DurableFiles.writeAtomically(staging.resolve(MANIFEST_FILE), JSON.writeValueAsBytes(manifest));
            DurableFiles.sync(staging.resolve(DATA_FILE));
            DurableFiles.sync(staging);
            Files.createDirectories(target.getParent());
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException sameContentPublishedMeanwhile) {
                DurableFiles.deleteRecursively(staging);
                return false;
            }
            DurableFiles.sync(target.getParent());
            return true;
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot publish " + target.getFileName() + ": " + e.getMessage());
        }
    }

    static <T> T read(Path folder, Class<T> type) {
        Path file = folder.resolve(MANIFEST_FILE);
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "manifest " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** The published folders under {@code root} at {@code depth}, whose name passes {@code named}. */
    static List<Path> list(Path root, int depth, Predicate<String> named) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root, depth)) {
            return new ArrayList<>(paths.filter(path -> root.relativize(path).getNameCount() == depth)
                    .filter(path -> Files.isRegularFile(path.resolve(MANIFEST_FILE)))
                    .filter(path -> named.test(path.getFileName().toString()))
                    .sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path newStaging(Path stagingRoot, String prefix) {
        try {
            Files.createDirectories(stagingRoot);
            return Files.createTempDirectory(stagingRoot, prefix + "-");
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot create a staging folder: " + e.getMessage());
        }
    }

    static void discard(Path staging) {
        try {
            DurableFiles.deleteRecursively(staging);
        } catch (IOException ignored) {
            // staging is cleaned at the next build anyway
        }
    }
}
