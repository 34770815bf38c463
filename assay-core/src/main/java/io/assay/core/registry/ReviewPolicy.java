package io.assay.core.registry;

import io.assay.core.access.Role;
import io.assay.core.error.AssayException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a use case's versions need before production: the reviewer roles that must each approve
 * the current evidence, and the gates that must have passed.
 */
public record ReviewPolicy(Set<Role> approverRoles, List<String> requiredGates) {
    public ReviewPolicy {
        requireNonNull(approverRoles, "approverRoles is null");
        requireNonNull(requiredGates, "requiredGates is null");
        if (approverRoles.isEmpty()) {
            throw AssayException.invalid("a review policy needs at least one approver role");
        }
        for (Role role : approverRoles) {
            if (!role.isReviewer()) {
                throw AssayException.invalid("role " + role + " cannot approve models; reviewer roles are "
                        + EnumSet.of(Role.LEGAL_REVIEWER, Role.DATA_REVIEWER, Role.COMPLIANCE_REVIEWER));
            }
        }
        approverRoles = Set.copyOf(EnumSet.copyOf(approverRoles));
        requiredGates.forEach(gate -> RegistryNames.requireIdentifier("gate name", gate));
        if (Set.copyOf(requiredGates).size() != requiredGates.size()) {
            throw AssayException.invalid("required gates " + requiredGates + " name a gate twice");
        }
        requiredGates = List.copyOf(requiredGates);
    }

    /** Legal, data and compliance each approve. */
    public static ReviewPolicy allReviewers(List<String> requiredGates) {
        return new ReviewPolicy(EnumSet.of(Role.LEGAL_REVIEWER, Role.DATA_REVIEWER, Role.COMPLIANCE_REVIEWER), requiredGates);
    }
}
