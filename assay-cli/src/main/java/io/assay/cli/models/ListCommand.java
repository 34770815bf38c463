package io.assay.cli.models;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.core.registry.ModelRegistry;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.Stage;
import io.assay.core.registry.UseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        try (Session session = context.openSession()) {
            ModelRegistry registry = session.registry();
            ArrayNode rows = Output.JSON.createArrayNode();
            if (useCase.isPresent()) {
                UseCase found = registry.findUseCase(useCase.get()).orElseThrow(
                        () -> io.assay.core.error.AssayException.notFound("no use case " + useCase.get()));
                List<ModelVersion> versions = registry.versions(found.name());
                versions.forEach(version -> rows.add(ModelViews.version(version, found)));
                context.output().result(rows, out -> {
                    out.printf("%-8s %-11s %-10s %-20s %s%n", "VERSION", "STAGE", "AUTHOR", "UPDATED", "WHY");
                    versions.forEach(v -> out.printf("%-8s %-11s %-10s %-20s %s%n", "v" + v.number(), v.stage(), v.author(),
                            v.updatedAt().toString().substring(0, 19), v.stageReason()));
                });
                return 0;
            }
            List<UseCase> useCases = registry.listUseCases();
            Map<String, List<ModelVersion>> versionsOf = new LinkedHashMap<>();
            for (UseCase each : useCases) {
                List<ModelVersion> versions = registry.versions(each.name());
                versionsOf.put(each.name(), versions);
                rows.add(ModelViews.useCase(each, inProduction(versions), versions.size()));
            }
            context.output().result(rows, out -> {
                out.printf("%-22s %-7s %-9s %-14s %s%n", "USE CASE", "RISK", "VERSIONS", "IN PRODUCTION", "APPROVERS");
                for (UseCase each : useCases) {
                    List<ModelVersion> versions = versionsOf.get(each.name());
                    out.printf("%-22s %-7s %-9d %-14s %s%n", each.name(), each.riskTier(), versions.size(),
                            inProduction(versions).map(v -> "v" + v.number()).orElse("-"), each.reviewPolicy().approverRoles().stream().sorted().toList());
                }
            });
            return 0;
        }
    }

    private static Optional<ModelVersion> inProduction(List<ModelVersion> versions) {
        return versions.stream().filter(v -> v.stage() == Stage.PRODUCTION).findFirst();
    }
}
