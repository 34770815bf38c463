package io.assay.cli.features;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Feature views over point-in-time views of the snapshots: list and show them, build one as of a day, "
                + "publish the serving feature tables; and the use cases' label definitions.",
        subcommands = {ListCommand.class, ShowCommand.class, BuildCommand.class, BuildsCommand.class, LabelsCommand.class,
                MaterializeCommand.class})
public final class FeaturesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
