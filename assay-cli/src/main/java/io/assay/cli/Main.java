package io.assay.cli;

/** The {@code assay} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Assay.createCommandLine(CliEnvironment.system()).execute(args));
    }
}
