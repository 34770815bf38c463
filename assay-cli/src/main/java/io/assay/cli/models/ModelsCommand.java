package io.assay.cli.models;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "The model registry: use cases, versions, evidence, reviews, tests, promotion, history.",
        subcommands = {SpecCommand.class, DefineCommand.class, RegisterCommand.class, ListCommand.class, ShowCommand.class, SubmitCommand.class,
                EvidenceCommand.class, ReviewCommand.class, TestCommand.class, PromoteCommand.class, RetireCommand.class,
                HistoryCommand.class, RoutingCommand.class, RouteCommand.class})
public final class ModelsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
