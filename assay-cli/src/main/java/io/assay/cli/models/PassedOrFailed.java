package io.assay.cli.models;

import picocli.CommandLine.Option;

/** The exclusive {@code --passed | --failed} options of a gate or test result. */
final class PassedOrFailed {
    @Option(names = "--passed", required = true)
    boolean passed;

    @Option(names = "--failed", required = true)
    boolean failed;
}
