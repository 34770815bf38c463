package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.UseCaseView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "define", mixinStandardHelpOptions = true,
        description = "Register a use case: what the model decides, for whom, and who must approve its versions.")
final class DefineCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case name, e.g. churn")
    String name;

    @Option(names = "--description", required = true, description = "What the model predicts")
    String description;

    @Option(names = "--intended-use", required = true, description = "What its scores are for")
    String intendedUse;

    @Option(names = "--limitations", required = true, description = "What its scores must not be used for")
    String limitations;

    @Option(names = "--risk-tier", required = true, description = "LOW, MEDIUM or HIGH")
    String riskTier;

    @Option(names = "--owner", description = "Accountable person (default: you)")
    Optional<String> owner;

    @Option(names = "--apps", split = ",", description = "Business applications that call its scoring contract")
    List<String> apps = List.of();

    @Option(names = "--approvers", split = ",", description = "Reviewer roles that must approve (default: legal, data and compliance)")
    List<String> approvers = List.of("LEGAL_REVIEWER", "DATA_REVIEWER", "COMPLIANCE_REVIEWER");

    @Option(names = "--gates", split = ",", description = "Gates every version must pass")
    List<String> gates = List.of();

    @Option(names = "--marketing", description = "Its scores drive marketing (a customer's GDPR objection applies)")
    boolean marketing;

    DefineCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession(); Governance as = session.governance()) {
            UseCaseView useCase = as.defineUseCase(new Requests.DefineUseCase(name, owner, description, riskTier, intendedUse, limitations,
                    Optional.of(apps), Optional.of(approvers), Optional.of(gates), Optional.of(marketing)));
            context.output().result(useCase, out -> out.printf("Registered use case %s (%s risk): approved by %s; required gates %s%n",
                    useCase.name(), useCase.riskTier(), useCase.approverRoles(), useCase.requiredGates()));
            return 0;
        }
    }
}
