package io.assay.core.registry;

import io.assay.core.access.Role;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A registered model: what it decides, for whom, under which review policy. Versions of it move
 * through the lifecycle; the use case itself changes only by a new registration.
 *
 * @param consumingApplications the business applications that call its scoring contract
 * @param marketingPurpose      its scores drive marketing, so a customer's GDPR objection applies
 */
public record UseCase(
        String name,
        String owner,
        String description,
        RiskTier riskTier,
        String intendedUse,
        String limitations,
        List<String> consumingApplications,
        ReviewPolicy reviewPolicy,
        boolean marketingPurpose,
        Instant registeredAt) {

    public UseCase {
        RegistryNames.requireUseCaseName(name);
        Names.requireUserName(owner);
        description = Names.requireText("description", description, 2000);
        requireNonNull(riskTier, "riskTier is null");
        intendedUse = Names.requireText("intended use", intendedUse, 2000);
        limitations = Names.requireText("limitations", limitations, 2000);
        consumingApplications = List.copyOf(requireNonNull(consumingApplications, "consumingApplications is null"));
        consumingApplications.forEach(app -> RegistryNames.requireIdentifier("consuming application", app));
        requireNonNull(reviewPolicy, "reviewPolicy is null");
        requireNonNull(registeredAt, "registeredAt is null");
        if (riskTier == RiskTier.HIGH && reviewPolicy.approverRoles().size() < 3) {
            throw AssayException.invalid("use case " + name + " is HIGH risk, so legal, data and compliance must all approve; the policy names only "
                    + reviewPolicy.approverRoles());
        }
    }

    public boolean requiresApprovalBy(Role role) {
        return reviewPolicy.approverRoles().contains(role);
    }
}
