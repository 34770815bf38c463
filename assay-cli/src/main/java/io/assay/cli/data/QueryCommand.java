package io.assay.cli.data;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.data.query.QueryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SELECT over the snapshots (one view per table). Needs a live grant on every table "
                + "it reads; every attempt is logged.")
final class QueryCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "SQL", description = "One SELECT statement, e.g. \"SELECT category, count(*) FROM transactions GROUP BY 1\"")
    String sql;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many rows (default: ${DEFAULT-VALUE})")
    int limit;

    QueryCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession()) {
            QueryResult result = session.data().queries().query(session.config().actor(), sql, limit);
            var json = context.output().object().put("read", result.read().id()).put("truncated", result.truncated());
            var columns = json.putArray("columns");
            result.columns().forEach(columns::add);
            json.set("rows", io.assay.cli.Output.JSON.valueToTree(result.rows()));
            context.output().result(json, out -> {
                out.println(String.join(" | ", result.columns()));
                for (List<Object> row : result.rows()) {
                    out.println(row.stream().map(String::valueOf).collect(Collectors.joining(" | ")));
                }
                out.printf("(%d row(s)%s; logged as %s)%n", result.rows().size(), result.truncated() ? ", more not shown" : "",
                        result.read().id());
            });
            return 0;
        }
    }
}
