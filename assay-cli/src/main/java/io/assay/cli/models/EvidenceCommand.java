package io.assay.cli.models;

import java.util.Optional;
import io.assay.api.Requests;
import io.assay.api.Governance;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Attach a gate's result to a version. The metrics gate is judged from its --figure values by the version's "
                + "metric spec; other gates take --passed or --failed. New evidence changes the digest: earlier approvals stop counting.")
final class EvidenceCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Parameters(index = "1", description = "Version number")
    int number;

    @Option(names = "--gate", required = true, description = "Gate name, e.g. metrics")
    String gate;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    PassedOrFailed verdict;

    @Option(names = "--figure", description = "A figure behind the verdict, name=value (repeatable)")
    List<String> figures = List.of();

    @Option(names = "--engine", required = true, description = "What computed it, with its version")
    String engine;

    EvidenceCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, Double> parsed = new LinkedHashMap<>();
        for (String figure : figures) {
            int equals = figure.indexOf('=');
            try {
                parsed.put(figure.substring(0, Math.max(equals, 0)), Double.parseDouble(figure.substring(equals + 1)));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw AssayException.invalid("figure " + Names.quoted(figure) + " is not name=number");
            }
        }
        try (Session session = context.openSession(); Governance as = session.governance()) {
            VersionResult.print(context, as.attachEvidence(useCase, number, new Requests.AttachEvidence(gate, Optional.ofNullable(verdict).map(v -> v.passed),
                    Optional.of(parsed), engine)), "Evidence attached");
            return 0;
        }
    }
}
