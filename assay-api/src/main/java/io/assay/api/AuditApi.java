package io.assay.api;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

/** The hash-chained audit log: verify it, export its head, export its events. */
public interface AuditApi {
    AuditCheck verifyAudit(Optional<CheckpointView> against);

    CheckpointView checkpoint();

    /** Hands each event of the days {@code from}..{@code to} (UTC, both included) to {@code sink}; returns how many. */
    long exportAudit(LocalDate from, LocalDate to, Consumer<AuditEventView> sink);
}
