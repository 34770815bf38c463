package io.assay.cli.bank;

import picocli.CommandLine.Command;

@Command(name = "bank", description = "The simulated bank used by the demo, the tests and the benchmarks.",
        subcommands = SimulateCommand.class, mixinStandardHelpOptions = true)
public final class BankCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
