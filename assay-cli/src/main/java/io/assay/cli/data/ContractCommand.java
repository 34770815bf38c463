package io.assay.cli.data;

import io.assay.cli.CommandContext;
import io.assay.data.contract.ContractInference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "contract", mixinStandardHelpOptions = true, description = "Work on data contracts.",
        subcommands = {ContractCommand.Infer.class})
final class ContractCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "infer", mixinStandardHelpOptions = true,
            description = "Draft a contract from a CSV sample: types, nullability, ranges, codes, shapes and a privacy class guessed "
                    + "from names and values, each guess marked REVIEW. Reads only the file; save the draft as "
                    + "<home>/contracts/<table>.yaml once a data steward has reviewed it.")
    static final class Infer implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(paramLabel = "FILE", description = "A CSV sample with a header row")
        Path file;

        @Option(names = "--table", description = "The table's name (default: the file's name)")
        String table;

        @Option(names = "--key", description = "The column unique within a batch")
        String key;

        @Option(names = "--date-column", description = "The column on the batch's business date, if the table has one")
        String dateColumn;

        Infer(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String name = table != null ? table
                    : file.getFileName().toString().replaceFirst("\\.[^.]*$", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            String draft = ContractInference.infer(file, name, Optional.ofNullable(key), Optional.ofNullable(dateColumn));
            var json = context.output().object();
            json.put("table", name).put("contract_yaml", draft);
            context.output().result(json, out -> out.print(draft));
            return 0;
        }
    }
}
