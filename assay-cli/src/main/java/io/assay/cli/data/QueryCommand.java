package io.assay.cli.data;

import io.assay.api.DataApi;
import io.assay.api.DataViews.QueryView;
import io.assay.api.Requests;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SELECT over the snapshots (one view per table, every business day in it). Needs a live grant on "
                + "every table it reads; every attempt is logged.")
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
        try (Session session = context.openSession(); DataApi data = session.data()) {
            QueryView result = data.query(new Requests.Query(sql, Optional.of(limit)));
            context.output().result(result, out -> {
                out.println(String.join(" | ", result.columns()));
                for (List<Object> row : result.rows()) {
                    out.println(row.stream().map(String::valueOf).collect(Collectors.joining(" | ")));
                }
                out.printf("(%d row(s)%s; logged as %s)%n", result.rows().size(), result.truncated() ? ", more not shown" : "",
                        result.read());
            });
            return 0;
        }
    }
}
