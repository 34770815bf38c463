package io.assay.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DurableFiles;
import io.assay.api.AuditCheck;
import io.assay.api.CheckpointView;
import io.assay.api.Governance;
import io.assay.api.Wire;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The hash-chained audit log: verify it, export its head as a checkpoint, export events for auditors.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class, AuditCommand.Export.class})
public final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk the chain and name the first broken event; exit code 6 when it is broken.")
    static final class Verify implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--against", description = "A checkpoint file from 'assay audit checkpoint'")
        Optional<Path> against;

        Verify(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Optional<CheckpointView> checkpoint = against.map(Verify::readCheckpoint);
            try (Session session = context.openSession(); Governance as = session.governance()) {
                AuditCheck result = as.verifyAudit(checkpoint);
                context.output().result(result, out -> {
                    if (result.intact()) {
                        out.printf("Audit chain intact: %,d events%s%n", result.eventsChecked(),
                                checkpoint.map(c -> ", consistent with the checkpoint at event " + c.sequence()).orElse(""));
                    } else {
                        out.printf("Audit chain BROKEN at event %d: %s%n", result.firstBrokenSequence().get(), result.problem());
                    }
                });
                return result.intact() ? 0 : 6;
            }
        }

        private static CheckpointView readCheckpoint(Path file) {
            try {
                JsonNode node = Output.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
                if (node == null || node.path("checkpoint_format").asInt(-1) != CheckpointView.FORMAT) {
                    throw AssayException.invalid("checkpoint file " + file + " is not an Assay audit checkpoint (checkpoint_format "
                            + CheckpointView.FORMAT + ")");
                }
                return Output.JSON.treeToValue(node, CheckpointView.class);
            } catch (IOException | RuntimeException e) {
                if (e instanceof AssayException assay) {
                    throw assay;
                }
                throw AssayException.invalid("checkpoint file " + file + " cannot be read: " + e.getMessage());
            }
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Write the chain's head to a file kept outside Assay; 'verify --against' it later catches even a complete rewrite.")
    static final class Checkpoint implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--out", required = true, description = "Where to write the checkpoint (JSON)")
        Path out;

        Checkpoint(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            // Regression: '--out head.json' (no folder) had no parent and failed with a NullPointerException.
            Path out = this.out.toAbsolutePath();
            try (Session session = context.openSession(); Governance as = session.governance()) {
                CheckpointView head = as.checkpoint();
                DurableFiles.writeAtomically(out, (Output.JSON.writeValueAsString(head) + "\n").getBytes(StandardCharsets.UTF_8));
                context.output().result(head, o -> o.printf("Checkpoint of event %d (%s) written to %s%n", head.sequence(),
                        head.hash().substring(0, 16), out));
                return 0;
            } catch (IOException e) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot write checkpoint " + out + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export the events of a period as JSON lines, with their hashes, for auditors (AUDITOR or ADMIN).")
    static final class Export implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--from", required = true, description = "First day, yyyy-MM-dd (UTC)")
        LocalDate from;

        @Option(names = "--to", required = true, description = "Last day, yyyy-MM-dd (UTC), included")
        LocalDate to;

        @Option(names = "--out", required = true, description = "The JSON-lines file to write")
        Path out;

        Export(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (to.isBefore(from)) {
                throw AssayException.invalid("--to " + to + " is before --from " + from);
            }
            Path out = this.out.toAbsolutePath();
            Path partial = out.resolveSibling(out.getFileName() + ".part");
            try (Session session = context.openSession(); Governance as = session.governance();
                 BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                long count = as.exportAudit(from, to, event -> {
                    try {
                        writer.write(Wire.JSON.writeValueAsString(event));
                        writer.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                writer.close();
                DurableFiles.sync(partial);
                Files.move(partial, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                context.output().result(Output.JSON.createObjectNode().put("events", count).put("file", out.toString()),
                        o -> o.printf("Exported %,d events from %s to %s into %s%n", count, from, to, out));
                return 0;
            } catch (IOException | UncheckedIOException e) {
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot write " + out + ": " + e.getMessage());
            } finally {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless and named as such
                }
            }
        }
    }
}
