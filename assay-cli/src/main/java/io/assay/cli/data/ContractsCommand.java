package io.assay.cli.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.data.contract.ContractColumn;
import io.assay.data.contract.DataContract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

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
        try (Session session = context.openSession()) {
            var contracts = session.data().contracts();
            List<DataContract> shown = table == null ? List.copyOf(contracts.all().values()) : List.of(contracts.forTable(table));
            var json = context.output().object();
            var list = json.putArray("contracts");
            shown.forEach(contract -> list.add(view(contract)));
            context.output().result(json, out -> shown.forEach(contract -> {
                out.printf("%s v%d — %s%n", contract.table(), contract.version(), contract.description());
                out.printf("  unique key %s; rejected above %.1f%% bad rows (and %d rows)%n", contract.uniqueKey(),
                        100 * contract.maxRejectedShare(), contract.toleratedBadRows());
                contract.columns().forEach(column -> out.printf("  %-18s %-9s %-8s %-18s %s%n", column.name(), column.type(),
                        column.nullable() ? "nullable" : "required", column.privacy(), rules(column)));
            }));
            return 0;
        }
    }

    private static ObjectNode view(DataContract contract) {
        ObjectNode node = Output.JSON.createObjectNode().put("table", contract.table()).put("version", contract.version())
                .put("description", contract.description()).put("max_rejected_share", contract.maxRejectedShare())
                .put("tolerated_bad_rows", contract.toleratedBadRows());
        contract.uniqueKey().forEach(node.putArray("unique_key")::add);
        var columns = node.putArray("columns");
        contract.columns().forEach(column -> columns.addObject().put("name", column.name()).put("type", column.type().name())
                .put("nullable", column.nullable()).put("privacy", column.privacy().name())
                .put("pseudonymise", column.pseudonymisation().name()).put("rules", rules(column)));
        return node;
    }

    private static String rules(ContractColumn column) {
        StringBuilder rules = new StringBuilder();
        column.pattern().ifPresent(pattern -> rules.append("pattern ").append(pattern.pattern()).append("; "));
        if (!column.allowedValues().isEmpty()) {
            rules.append(column.allowedValues().size()).append(" allowed codes; ");
        }
        column.min().ifPresent(min -> rules.append("min ").append(min.toPlainString()).append("; "));
        column.max().ifPresent(max -> rules.append("max ").append(max.toPlainString()).append("; "));
        if (column.freeText()) {
            rules.append("scanned for identifiers; ");
        }
        if (column.onBusinessDate()) {
            rules.append("on the business date; ");
        }
        switch (column.pseudonymisation()) {
            case TOKENISE -> rules.append("tokenised (").append(column.tokenDomain().orElseThrow()).append(")");
            case DROP -> rules.append("dropped");
            case KEEP -> { }
        }
        return rules.toString().replaceAll("; $", "");
    }
}
