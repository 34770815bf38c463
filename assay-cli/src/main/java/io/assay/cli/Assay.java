package io.assay.cli;

import io.assay.cli.audit.AuditCommand;
import io.assay.cli.bank.BankCommand;
import io.assay.cli.data.DataCommand;
import io.assay.cli.demo.DemoCommand;
import io.assay.cli.features.FeaturesCommand;
import io.assay.cli.trainset.TrainsetCommand;
import io.assay.cli.models.ModelsCommand;
import io.assay.cli.server.ServerCommand;
import io.assay.cli.tokens.TokensCommand;
import io.assay.cli.users.UsersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.lang.reflect.Constructor;
import java.util.List;

/** Builds the {@code assay} command line; {@link Main} and the tests use this same factory. */
public final class Assay {
    private Assay() {}

    @Command(name = "assay", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Assay: build, prove, ship and watch the models behind personalised banking.",
            subcommands = {DemoCommand.class, BankCommand.class, DataCommand.class, FeaturesCommand.class, TrainsetCommand.class,
                    io.assay.cli.train.TrainCommand.class, io.assay.cli.runs.RunsCommand.class, ModelsCommand.class,
                    io.assay.cli.gates.GatesCommand.class, io.assay.cli.gates.ReproduceCommand.class, UsersCommand.class,
                    TokensCommand.class, AuditCommand.class, io.assay.cli.decisions.DecisionsCommand.class, io.assay.cli.deploy.DeployCommand.class,
                    io.assay.cli.deploy.RollbackCommand.class,
                    io.assay.cli.objections.ObjectionsCommand.class, ServerCommand.class, io.assay.cli.server.ServeCommand.class,
                    CommandLine.HelpCommand.class,
                    picocli.AutoComplete.GenerateCompletion.class})
    static final class Root implements Runnable {
        @Mixin
        GlobalOptions options = new GlobalOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    public static CommandLine createCommandLine(CliEnvironment environment) {
        Root root = new Root();
        CommandContext context = new CommandContext(environment, () -> root.options);
        CommandLine commandLine = new CommandLine(root, new ContextFactory(context));
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setExecutionExceptionHandler(new ErrorHandler(environment, () -> root.options));
        commandLine.setParameterExceptionHandler(new ArgumentErrors(environment, () -> root.options));
        commandLine.registerConverter(java.time.LocalDate.class, new Dates(environment.clock()));
        for (String localOnly : List.of("demo", "bank", "server", "serve", "generate-completion")) {
            withoutServerOptions(commandLine.getSubcommands().get(localOnly));
        }
        return commandLine;
    }

    /** A command that works on the local home alone does not offer --server and --token. */
    private static void withoutServerOptions(CommandLine command) {
        for (String option : List.of("--server", "--token")) {
            CommandLine.Model.OptionSpec spec = command.getCommandSpec().findOption(option);
            if (spec != null) {
                command.getCommandSpec().remove(spec);
            }
        }
        command.getSubcommands().values().forEach(Assay::withoutServerOptions);
    }

    /** Hands the command context to every command class that takes one in its constructor. */
    private record ContextFactory(CommandContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withContext = type.getDeclaredConstructor(CommandContext.class);
                withContext.setAccessible(true);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException noContext) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
