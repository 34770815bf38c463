package io.assay.train.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DurableFiles;
import io.assay.scoring.bundle.BundleFiles;
import io.assay.scoring.bundle.BundleSignature;
import io.assay.scoring.bundle.ReferenceProfile;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Runs on disk, under {@code <home>/runs/<use case>/<run id>/}: {@code run.json}, and for a run
 * that succeeded the model, its signature and its reference profile. A run is written whole into
 * a staging folder, synced, and renamed into place, so a crash leaves no half-written run, and a
 * run folder is never written again. Run ids count up per use case ({@code churn-run-3}); two runs
 * finishing at once take the next free number.
 */
public final class RunStore {
    public static final String RUN = "run.json";
    public static final String MODEL = "model.json";
    public static final String SIGNATURE = "signature.json";
    public static final String REFERENCE = "reference.json";
    private static final Pattern RUN_ID = Pattern.compile("(.+)-run-(\\d+)");
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path root;

    public RunStore(Path home) {
        this.root = requireNonNull(home, "home is null").resolve("runs");
    }

    /** What a succeeded run leaves beside its record. */
    public record Artifacts(byte[] model, BundleSignature signature, ReferenceProfile reference) {
    }

    /** Writes a run under the next free id of its use case; {@code make} builds the record once the id is known. */
    public Run write(String useCase, java.util.function.Function<String, Run> make, Optional<Artifacts> artifacts) {
        Path folder = root.resolve(useCase);
        try {
            Files.createDirectories(folder);
            for (int attempt = 0; attempt < 100; attempt++) {
                String id = useCase + "-run-" + (highestNumber(folder) + 1);
                Run run = make.apply(id);
                Path staging = folder.resolve(".staging-" + UUID.randomUUID());
                Files.createDirectory(staging);
                try {
                    if (artifacts.isPresent()) {
                        writeSynced(staging.resolve(MODEL), artifacts.get().model());
                        writeSynced(staging.resolve(SIGNATURE), BundleFiles.json(artifacts.get().signature()));
                        writeSynced(staging.resolve(REFERENCE), BundleFiles.json(artifacts.get().reference()));
                    }
                    writeSynced(staging.resolve(RUN), JSON.writeValueAsBytes(run));
                    DurableFiles.sync(staging);
                    try {
                        Files.move(staging, folder.resolve(id), StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileAlreadyExistsException | DirectoryNotEmptyException taken) {
                        continue;
                    } catch (java.nio.file.FileSystemException taken) {
                        // Linux reports a rename onto a folder another run just took as a plain "Directory not empty".
                        if (Files.exists(folder.resolve(id))) {
                            continue;
                        }
                        throw taken;
                    }
                    DurableFiles.sync(folder);
                    return run;
                } finally {
                    DurableFiles.deleteRecursively(staging);
                }
            }
            throw new AssayException(ErrorCode.CONCURRENT_CHANGE, "no free run id for " + useCase + " after 100 attempts");
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "the run cannot be written under " + folder + ": " + e.getMessage());
        }
    }

    public List<Run> list(Optional<String> useCase) {
        List<Run> runs = new ArrayList<>();
        try {
            if (!Files.isDirectory(root)) {
                return runs;
            }
            List<Path> useCases;
            try (Stream<Path> folders = Files.list(root)) {
                useCases = folders.filter(Files::isDirectory).filter(p -> useCase.map(u -> p.getFileName().toString().equals(u)).orElse(true))
                        .sorted().toList();
            }
            for (Path folder : useCases) {
                try (Stream<Path> entries = Files.list(folder)) {
                    for (Path run : entries.filter(p -> RUN_ID.matcher(p.getFileName().toString()).matches()).toList()) {
                        runs.add(read(run));
                    }
                }
            }
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "the runs under " + root + " cannot be listed: " + e.getMessage());
        }
        runs.sort(Comparator.comparing(Run::useCase).thenComparing(r -> number(r.id())));
        return runs;
    }

    public Run run(String id) {
        return read(folderOf(id));
    }

    public Artifacts artifacts(Run run) {
        if (!run.succeeded()) {
            throw AssayException.invalid("run " + run.id() + " failed (" + run.failure() + "): it made no model");
        }
        Path folder = folderOf(run.id());
        try {
            byte[] model = Files.readAllBytes(folder.resolve(MODEL));
            return new Artifacts(model, BundleFiles.value(Files.readAllBytes(folder.resolve(SIGNATURE)), SIGNATURE, BundleSignature.class),
                    BundleFiles.value(Files.readAllBytes(folder.resolve(REFERENCE)), REFERENCE, ReferenceProfile.class));
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "run " + run.id() + " is missing its model files: " + e.getMessage());
        }
    }

    private Path folderOf(String id) {
        Matcher matcher = RUN_ID.matcher(id == null ? "" : id);
        if (!matcher.matches()) {
            throw AssayException.notFound("no run " + Names.quoted(String.valueOf(id)) + "; run ids look like churn-run-3 (list them with: assay runs list)");
        }
        Path folder = root.resolve(matcher.group(1)).resolve(id);
        if (!folder.normalize().startsWith(root) || !Files.isRegularFile(folder.resolve(RUN))) {
            throw AssayException.notFound("no run " + Names.quoted(id) + "; list them with: assay runs list");
        }
        return folder;
    }

    private static Run read(Path folder) {
        try {
            return JSON.readValue(folder.resolve(RUN).toFile(), Run.class);
        } catch (IOException e) {
            throw new AssayException(ErrorCode.STORAGE_FAILURE, "run " + folder.getFileName() + " cannot be read: " + e.getMessage());
        }
    }

    private static int highestNumber(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> RUN_ID.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(2))).max().orElse(0);
        }
    }

    private static int number(String id) {
        Matcher matcher = RUN_ID.matcher(id);
        return matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
    }

    private static void writeSynced(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        DurableFiles.sync(file);
    }
}
