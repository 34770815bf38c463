package io.assay.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./assay} launcher at the repository root as a separate process, as a user would. */
final class Launcher {
    record Result(int exitCode, String out, String err) {
    }

    static Path repositoryRoot() {
        String root = System.getProperty("assay.repo.root");
        Path path = root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
        if (!Files.isExecutable(path.resolve("assay"))) {
            throw new IllegalStateException("no ./assay launcher at " + path);
        }
        return path;
    }

    static ProcessBuilder builder(Path home, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(repositoryRoot().resolve("assay").toString());
        command.add("--home");
        command.add(home.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repositoryRoot().toFile());
        builder.environment().put("ASSAY_PSEUDONYM_KEY", CliRunner.KEY);
        builder.environment().remove("ASSAY_DB_URL");
        builder.environment().putAll(environment);
        return builder;
    }

    static Result run(Path home, Map<String, String> environment, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("assay-out", ".txt");
        Path err = Files.createTempFile("assay-err", ".txt");
        try {
            Process process = builder(home, environment, args)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("./assay " + String.join(" ", args) + " did not finish in " + timeoutSeconds
                        + " s; stderr: " + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
