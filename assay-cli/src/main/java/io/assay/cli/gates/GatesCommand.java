package io.assay.cli.gates;

import io.assay.api.TrainingApi;
import io.assay.api.TrainingViews.GatesView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.train.model.TrainingProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "gates", mixinStandardHelpOptions = true, description = "The platform's gates: computed from the version's bundle and "
        + "the data environment, never typed in.", subcommands = {GatesCommand.RunGates.class})
public final class GatesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run every platform gate the use case requires (metrics, "
            + "champion, fairness, stability, robustness) on a CANDIDATE version and attach the evidence; a failed gate names its "
            + "figure, bound and segment, and keeps the version from VALIDATED.")
    static final class RunGates implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(index = "0", description = "Use case")
        String useCase;

        @Parameters(index = "1", description = "Version number")
        int version;

        RunGates(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession(); TrainingApi training = session.training(TrainingProgress.SILENT)) {
                GatesView gates = training.runGates(useCase, version);
                context.output().result(gates, out -> {
                    gates.gates().forEach(g -> out.printf("  %-10s %-6s %s%n", g.gate(), g.passed() ? "passed" : "FAILED", g.detail()));
                    out.printf("%s v%d is %s: %s%n", useCase, version, gates.stage(), gates.stageReason());
                });
                List<String> failed = gates.gates().stream().filter(g -> !g.passed()).map(g -> g.gate()).toList();
                if (!failed.isEmpty()) {
                    throw new AssayException(ErrorCode.GATES_INCOMPLETE, useCase + " v" + version + " failed gate(s) " + failed
                            + "; it stays " + gates.stage() + " (the figures are its evidence: assay models show " + useCase + " " + version + ")");
                }
                return 0;
            }
        }
    }
}
