package io.assay.server.http;

import io.assay.core.access.Role;

import java.util.EnumSet;
import java.util.Set;

import static io.assay.core.access.Role.AUDITOR;
import static io.assay.core.access.Role.COMPLIANCE_REVIEWER;
import static io.assay.core.access.Role.DATA_REVIEWER;
import static io.assay.core.access.Role.DATA_SCIENTIST;
import static io.assay.core.access.Role.LEGAL_REVIEWER;
import static io.assay.core.access.Role.MLOPS;

/**
 * The role sets routes are granted to. A route names one of these; which person may take which
 * step on which version is still decided by the lifecycle policy behind the route.
 */
final class Access {
    static final Set<Role> PUBLIC = Set.of();
    /** Anyone signed in: who am I, the API description. */
    static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);
    /** Those who work with the registry read it; APP (scoring only) and ADMIN (users and tokens) do not. */
    static final Set<Role> REGISTRY_READERS = Set.of(DATA_SCIENTIST, MLOPS, LEGAL_REVIEWER, DATA_REVIEWER, COMPLIANCE_REVIEWER, AUDITOR);
    static final Set<Role> MODEL_BUILDERS = Set.of(DATA_SCIENTIST, MLOPS);
    static final Set<Role> DATA_SCIENTISTS = Set.of(DATA_SCIENTIST);
    static final Set<Role> REVIEWERS = Set.of(LEGAL_REVIEWER, DATA_REVIEWER, COMPLIANCE_REVIEWER);
    static final Set<Role> MLOPS_TEAM = Set.of(MLOPS);
    static final Set<Role> AUDITORS = Set.of(AUDITOR, Role.ADMIN);
    static final Set<Role> ADMINS = Set.of(Role.ADMIN);

    private Access() {}
}
