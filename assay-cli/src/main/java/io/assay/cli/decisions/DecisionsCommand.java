package io.assay.cli.decisions;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.registry.Environment;
import io.assay.server.scoring.ScoringPlane;
import io.assay.serving.Decision;
import io.assay.serving.DecisionRecords;
import io.assay.serving.ScoreAnswer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "decisions", mixinStandardHelpOptions = true,
        description = "The decision log of an environment: one decision with its reasons, everything decided about one customer "
                + "(a data subject's access request), and the removal of decisions past the retention period. On the local home.",
        subcommands = {DecisionsCommand.Show.class, DecisionsCommand.Export.class, DecisionsCommand.Expire.class})
public final class DecisionsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The environment option every subcommand shares. */
    static final class Where {
        @Option(names = "--env", defaultValue = "production", description = "test or production (default: ${DEFAULT-VALUE})")
        String environment;

        Environment environment() {
            return io.assay.cli.EnvironmentOption.parse(environment);
        }

        DecisionRecords records(Session session) {
            Environment env = environment();
            var services = session.services();
            return new DecisionRecords(ScoringPlane.decisionFolder(session.config().home(), env), env.name().toLowerCase(Locale.ROOT),
                    services.users()::activeActor, session.registryStore(), services.clock());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One decision: who was scored by which exact version, the score, its reasons in plain language, the inputs, "
                    + "and the shadows scored beside it.")
    static final class Show implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(index = "0", description = "The decision id an answer carried (decisionId)")
        String decisionId;

        @CommandLine.Mixin
        Where where = new Where();

        Show(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession()) {
                List<Decision> lines = where.records(session).show(session.config().actor(), decisionId, session.requestId());
                context.output().result(lines, out -> print(out, lines));
                return 0;
            }
        }

        private static void print(PrintWriter out, List<Decision> lines) {
            for (Decision line : lines) {
                if (line.kind().equals(Decision.SHADOW)) {
                    out.printf("  shadow: v%d %s%n", line.modelVersion(), line.score() != null ? String.format("scored %.4f", line.score())
                            : "could not score: " + line.error());
                    continue;
                }
                out.printf("Decision %s, %s in %s%n", line.decisionId(), line.at(), line.environment());
                if (line.kind().equals(Decision.SUPPRESSED)) {
                    out.printf("  %s v%d did not score customer %s for %s: %s%n", line.useCase(), line.modelVersion(), line.customer(),
                            line.application(), line.error());
                    continue;
                }
                out.printf("  %s v%d (%s, routing revision %d) scored customer %s for %s: %.4f%n", line.useCase(), line.modelVersion(),
                        line.servedBy(), line.routingRevision(), line.customer() == null ? "(features given)" : line.customer(),
                        line.application(), line.score());
                List<ScoreAnswer.Reason> reasons = line.reasons() == null ? List.of() : line.reasons();
                out.println(reasons.isEmpty() ? "  reasons: none asked for" : "  reasons:");
                for (int i = 0; i < reasons.size(); i++) {
                    ScoreAnswer.Reason reason = reasons.get(i);
                    out.printf("    %d. %s (%s on %s, %s)%n", i + 1, reason.text(), reason.code(), reason.feature(),
                            "up".equals(reason.direction()) ? "towards a higher score" : "towards a lower score");
                }
                if (line.features() != null) {
                    out.print("  inputs:");
                    for (Map.Entry<String, Double> input : line.features().entrySet()) {
                        out.printf(" %s=%s", input.getKey(), input.getValue() == null ? "missing" : input.getValue());
                    }
                    out.println();
                }
                if (line.outOfRange() != null && !line.outOfRange().isEmpty()) {
                    out.println("  outside the training range: " + String.join(", ", line.outOfRange()));
                }
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Everything decided about one customer, oldest first, as JSON lines: the answer to a data subject's access "
                    + "request. The export is an audit event.")
    static final class Export implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--customer", required = true, description = "The customer's token (as the serving table and the log hold it)")
        String customer;

        @CommandLine.Mixin
        Where where = new Where();

        Export(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession()) {
                List<Decision> lines = where.records(session).about(session.config().actor(), customer, session.requestId());
                context.output().result(lines, out -> {
                    for (Decision line : lines) {
                        try {
                            out.println(io.assay.api.Wire.JSON.writeValueAsString(line));
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                context.output().note(lines.size() + " decision log lines about " + customer);
                return 0;
            }
        }
    }

    @Command(name = "expire", mixinStandardHelpOptions = true,
            description = "Remove the decision log files of days older than the retention period (DATA_STEWARD); an audit event "
                    + "records what went.")
    static final class Expire implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--retention-months", defaultValue = "" + DecisionRecords.DEFAULT_RETENTION_MONTHS,
                description = "Keep this many months (default: ${DEFAULT-VALUE})")
        int months;

        @CommandLine.Mixin
        Where where = new Where();

        Expire(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession()) {
                DecisionRecords.Expiry expiry = where.records(session).expire(session.config().actor(), months, session.requestId());
                context.output().result(expiry, out -> out.printf("Removed %d decision log files (%,d lines) of days before %s%n",
                        expiry.files().size(), expiry.lines(), expiry.keptFrom()));
                return 0;
            }
        }
    }
}
