package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.api.Governance;
import io.assay.api.UseCaseView;
import io.assay.api.VersionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List use cases, or the versions of one use case.")
final class ListCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", arity = "0..1", description = "Use case whose versions to list")
    Optional<String> useCase;

    ListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); Governance as = session.governance()) {
            if (useCase.isPresent()) {
                List<VersionView> versions = as.versions(useCase.get());
                context.output().result(versions, out -> {
                    out.printf("%-8s %-11s %-10s %-20s %s%n", "VERSION", "STAGE", "AUTHOR", "UPDATED", "WHY");
                    versions.forEach(v -> out.printf("%-8s %-11s %-10s %-20s %s%n", "v" + v.version(), v.stage(), v.author(),
                            v.updatedAt().toString().substring(0, 19), v.stageReason()));
                });
                return 0;
            }
            List<UseCaseView> useCases = as.useCases();
            context.output().result(useCases, out -> {
                out.printf("%-22s %-7s %-9s %-14s %s%n", "USE CASE", "RISK", "VERSIONS", "IN PRODUCTION", "APPROVERS");
                useCases.forEach(each -> out.printf("%-22s %-7s %-9d %-14s %s%n", each.name(), each.riskTier(), each.versions(),
                        each.inProduction().map(v -> "v" + v).orElse("-"), each.approverRoles()));
            });
            return 0;
        }
    }
}
