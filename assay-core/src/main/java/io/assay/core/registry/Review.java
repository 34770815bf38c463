package io.assay.core.registry;

import io.assay.core.access.Role;
import io.assay.core.common.Names;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A reviewer's decision under one role, bound to the evidence digest they saw. */
public record Review(Role role, String reviewer, Decision decision, String comment, String digest, List<Finding> findings,
                     Instant reviewedAt) {
    public Review {
        requireNonNull(role, "role is null");
        Names.requireUserName(reviewer);
        requireNonNull(decision, "decision is null");
        comment = Names.requireText("review comment", comment, 4000);
        RegistryNames.requireSha256("evidence digest", digest);
        findings = List.copyOf(requireNonNull(findings, "findings is null"));
        requireNonNull(reviewedAt, "reviewedAt is null");
    }
}
