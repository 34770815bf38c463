package io.assay.cli.data;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "The data environment: ingest daily batches, list snapshots, grant access, query.",
        subcommands = {ContractsCommand.class, ContractCommand.class, IngestCommand.class, IngestDayCommand.class, IngestDaysCommand.class, SnapshotsCommand.class, ShowCommand.class,
                QuarantineCommand.class, GrantCommand.class, RevokeCommand.class, GrantsCommand.class,
                QueryCommand.class, ReadsCommand.class})
public final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
