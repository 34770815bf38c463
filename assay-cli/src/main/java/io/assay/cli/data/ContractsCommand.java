package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.ContractView;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "contracts", mixinStandardHelpOptions = true,
        description = "The data contracts in force: per table its version, columns, rules and privacy classes.")
final class ContractsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "TABLE", arity = "0..1", description = "Only this table's contract")
    String table;

    ContractsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); DataApi data = session.data()) {
            List<ContractView> all = data.contracts();
            List<ContractView> shown = table == null ? all : all.stream().filter(contract -> contract.table().equals(table)).toList();
            if (shown.isEmpty()) {
                throw new AssayException(ErrorCode.UNKNOWN_TABLE, "unknown table " + Names.quoted(table) + "; tables with a contract: "
                        + all.stream().map(ContractView::table).sorted().collect(Collectors.joining(", ")));
            }
            var json = context.output().object();
            json.set("contracts", io.assay.cli.Output.JSON.valueToTree(shown));
            context.output().result(json, out -> shown.forEach(contract -> {
                out.printf("%s v%d — %s%n", contract.table(), contract.version(), contract.description());
                out.printf("  unique key %s; rejected above %.1f%% bad rows (and %d rows)%n", contract.uniqueKey(),
                        100 * contract.maxRejectedShare(), contract.toleratedBadRows());
                out.printf("  %-18s %-9s %-8s %-18s %s%n", "COLUMN", "TYPE", "NULLS", "PRIVACY", "RULES");
                contract.columns().forEach(column -> out.printf("  %-18s %-9s %-8s %-18s %s%n", column.name(), column.type(),
                        column.nullable() ? "nullable" : "required", column.privacy(), column.rules()));
            }));
            return 0;
        }
    }
}
