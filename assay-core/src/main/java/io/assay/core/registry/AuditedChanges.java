package io.assay.core.registry;

import io.assay.core.audit.AuditEntry;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Runs state changes so that the audit log holds every attempt: the change and its own audit
 * events commit in one transaction; a refused change is recorded as {@code <action>.refused}
 * with its reason, in a transaction of its own.
 */
public final class AuditedChanges {
    private final RegistryStore store;
    private final Clock clock;

    public AuditedChanges(RegistryStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public <T> T run(String actorName, String action, String subject, String requestId, Function<RegistryTransaction, T> work) {
        Names.requireUserName(actorName);
        Names.requireText("request id", requestId, 100);
        try {
            return store.inTransaction(work);
        } catch (AssayException refused) {
            try {
                store.append(new AuditEntry(now(), actorName, action + ".refused", subject, "-", "-",
                        refused.code() + ": " + refused.getMessage(), requestId));
            } catch (RuntimeException auditFailed) {
                refused.addSuppressed(auditFailed);
            }
            throw refused;
        }
    }

    /** Microseconds: what every store keeps, so a reloaded record hashes as it did before saving. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
