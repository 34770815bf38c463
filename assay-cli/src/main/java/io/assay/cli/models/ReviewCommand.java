package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.api.Governance;
import io.assay.api.Requests;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
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
        try (Session session = context.openSession(); Governance as = session.governance()) {
            String decision = verdict.approve ? "APPROVE" : "REJECT";
            var version = as.review(useCase, number, new Requests.SubmitReview(role, decision, comment, digest, Optional.of(findings)));
            VersionResult.print(context, version, verdict.approve ? "Approved" : "Rejected");
            return 0;
        }
    }
}
