package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.access.Role;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.core.registry.Decision;
import io.assay.core.registry.Finding;
import io.assay.core.registry.UseCase;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Approve or reject a version under one of your reviewer roles, signing the evidence digest you looked at "
                + "(shown by 'assay models show').")
final class ReviewCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Parameters(index = "1", description = "Version number")
    int number;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Verdict verdict;

    static final class Verdict {
        @Option(names = "--approve", required = true)
        boolean approve;

        @Option(names = "--reject", required = true)
        boolean reject;
    }

    @Option(names = "--comment", required = true, description = "Your reasoning, for the record")
    String comment;

    @Option(names = "--digest", required = true, description = "The evidence digest you reviewed")
    String digest;

    @Option(names = "--role", description = "The role you review under (needed when you hold more than one the use case requires)")
    Optional<String> role;

    @Option(names = "--finding", description = "What to fix (repeatable; a rejection needs at least one)")
    List<String> findings = List.of();

    ReviewCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession()) {
            String actor = session.config().actor();
            UseCase found = session.registry().findUseCase(useCase).orElseThrow(() -> AssayException.notFound("no use case " + useCase));
            Role reviewRole = role.map(Roles::parse).orElseGet(() -> onlyReviewerRole(session, actor, found));
            Decision decision = verdict.approve ? Decision.APPROVE : Decision.REJECT;
            var version = session.registry().review(actor, useCase, number, reviewRole, decision, comment, digest,
                    findings.stream().map(Finding::of).toList(), session.requestId());
            VersionResult.print(context, session, version, decision == Decision.APPROVE ? "Approved" : "Rejected");
            return 0;
        }
    }

    private static Role onlyReviewerRole(Session session, String actor, UseCase useCase) {
        Set<Role> held = session.users().find(actor).map(user -> user.effectiveRoles()).orElse(Set.of());
        List<Role> candidates = held.stream().filter(useCase::requiresApprovalBy).sorted().toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new AssayException(candidates.isEmpty() ? ErrorCode.ROLE_REQUIRED : ErrorCode.INVALID_ARGUMENT, candidates.isEmpty()
                ? actor + " holds none of the roles that review " + useCase.name() + " (" + useCase.reviewPolicy().approverRoles() + ")"
                : actor + " holds several reviewer roles of " + useCase.name() + " " + candidates + "; say which with --role");
    }
}
