package io.assay.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A use case as clients see it, with how many versions it has and which one is in production. */
public record UseCaseView(
        String name,
        String owner,
        String description,
        String riskTier,
        String intendedUse,
        String limitations,
        boolean marketingPurpose,
        Instant registeredAt,
        int versions,
        List<String> consumingApplications,
        List<String> approverRoles,
        List<String> requiredGates,
        Optional<Integer> inProduction) {
}
