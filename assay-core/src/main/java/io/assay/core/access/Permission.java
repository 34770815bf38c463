package io.assay.core.access;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static io.assay.core.access.Role.ADMIN;
import static io.assay.core.access.Role.APP;
import static io.assay.core.access.Role.AUDITOR;
import static io.assay.core.access.Role.COMPLIANCE_REVIEWER;
import static io.assay.core.access.Role.DATA_REVIEWER;
import static io.assay.core.access.Role.DATA_SCIENTIST;
import static io.assay.core.access.Role.DATA_STEWARD;
import static io.assay.core.access.Role.LEGAL_REVIEWER;
import static io.assay.core.access.Role.MLOPS;

/**
 * Who may take which kind of action: the one table of it. The core services check it first
 * (before anything is loaded, so a refusal tells nothing about what exists), for a local
 * {@code --as} and a token alike; the REST route table names the same permission, which writes
 * the API description and is held to these sets by a test. Which person may take which step on
 * which version (not their own, not twice) is still the lifecycle policy's to say.
 */
public enum Permission {
    /** Who am I, the API description. */
    SIGN_IN("sign in", EnumSet.allOf(Role.class)),
    READ_REGISTRY("read the registry", EnumSet.of(DATA_SCIENTIST, MLOPS, LEGAL_REVIEWER, DATA_REVIEWER, COMPLIANCE_REVIEWER, AUDITOR)),
    DEFINE_USE_CASE("register a use case", EnumSet.of(DATA_SCIENTIST, MLOPS)),
    /** Store model files, register versions and submit them. */
    BUILD_MODELS("register and submit model versions", EnumSet.of(DATA_SCIENTIST)),
    ATTACH_EVIDENCE("attach evidence", EnumSet.of(DATA_SCIENTIST, MLOPS)),
    REVIEW("review model versions", EnumSet.of(LEGAL_REVIEWER, DATA_REVIEWER, COMPLIANCE_REVIEWER)),
    /** Test-environment results, promotion, retirement and routing. */
    OPERATE_MODELS("test, promote, retire and route model versions", EnumSet.of(MLOPS)),
    MANAGE_ACCESS("manage users and tokens", EnumSet.of(ADMIN)),
    READ_AUDIT("read the audit log", EnumSet.of(AUDITOR, ADMIN)),
    /** Walk the whole chain: every person it concerns may; a business application (APP) has no use for it. */
    VERIFY_AUDIT("verify the audit chain", EnumSet.complementOf(EnumSet.of(APP))),
    /** Snapshots, their schemas and quarantined rows (never their data), the contracts, feature and label definitions and builds. */
    READ_DATA_CATALOG("read the data catalog", EnumSet.of(DATA_SCIENTIST, MLOPS, DATA_STEWARD, DATA_REVIEWER, AUDITOR)),
    INGEST_DATA("ingest data batches", EnumSet.of(DATA_STEWARD)),
    GRANT_DATA_ACCESS("grant and revoke data access", EnumSet.of(DATA_STEWARD)),
    /** Grants and the read log: who may read what, and who read what. */
    READ_DATA_ACCESS("read data grants and the read log", EnumSet.of(DATA_STEWARD, DATA_REVIEWER, AUDITOR)),
    /**
     * Run queries over the snapshots, and build features, training sets and serving tables from them: each one still
     * needing a live grant on every table it reads.
     */
    QUERY_DATA("query the data environment", EnumSet.of(DATA_SCIENTIST, MLOPS)),
    /** Train a model on a training set: a read of it, so it also takes a live grant on every table the set was built from. */
    TRAIN_MODELS("train models", EnumSet.of(DATA_SCIENTIST)),
    /** Retrain a registered version from its lineage and compare it bit for bit: also a read, under a live grant. */
    REPRODUCE_MODELS("reproduce model versions", EnumSet.of(DATA_SCIENTIST, MLOPS)),
    /** Run the platform's gates on a version; the figures are computed, the verdict is the spec's. */
    RUN_GATES("run the gates", EnumSet.of(DATA_SCIENTIST, MLOPS)),
    SCORE("score", EnumSet.of(APP, MLOPS)),
    /** One decision or all about one customer (a data subject's access request): pseudonymised, but about people. */
    READ_DECISIONS("read the decision log", EnumSet.of(MLOPS, COMPLIANCE_REVIEWER, DATA_STEWARD, AUDITOR)),
    /** Removing decisions past their retention period is a data-protection duty, the data steward's. */
    EXPIRE_DECISIONS("remove decisions past their retention period", EnumSet.of(DATA_STEWARD)),
    /** Customers' objections to marketing (GDPR Art. 21): a data-protection record, the data steward's. */
    MANAGE_OBJECTIONS("record, withdraw and list marketing objections", EnumSet.of(DATA_STEWARD));

    private final String description;
    private final Set<Role> roles;

    Permission(String description, Set<Role> roles) {
        this.description = description;
        this.roles = Set.copyOf(roles);
    }

    public Set<Role> roles() {
        return roles;
    }

    public String description() {
        return description;
    }

    public boolean grantedTo(Actor actor) {
        return actor.roles().stream().anyMatch(roles::contains);
    }

    /** @throws AssayException ROLE_REQUIRED, worded the same wherever it is raised */
    public void require(Actor actor) {
        if (!grantedTo(actor)) {
            throw new AssayException(ErrorCode.ROLE_REQUIRED, actor.name() + " may not " + description + ": it takes "
                    + (roles.size() == 1 ? "the " + roles.iterator().next() + " role"
                    : "one of the roles " + roles.stream().sorted().map(Enum::name).collect(Collectors.joining(", "))));
        }
    }
}
