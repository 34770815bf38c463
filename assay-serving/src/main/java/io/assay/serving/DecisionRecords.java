package io.assay.serving;

import io.assay.core.access.Actor;
import io.assay.core.access.Permission;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditLog;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The decision log as people use it after the fact: one decision with its reasons, everything
 * decided about one customer (a data subject's access request), and the removal of files past the
 * retention period. Who may is the core's {@link Permission}; each use is an audit event, since
 * the log is about people.
 */
public final class DecisionRecords {
    /** How long decisions are kept unless the bank says otherwise: 13 months, a year of history and a month to act on it. */
    public static final int DEFAULT_RETENTION_MONTHS = 13;

    private final Path folder;
    private final String environment;
    private final Function<String, Actor> actors;
    private final AuditLog audit;
    private final Clock clock;

    /** @param actors the active user of a name with the roles held now (the registry's), refusing an unknown or inactive one */
    public DecisionRecords(Path folder, String environment, Function<String, Actor> actors, AuditLog audit, Clock clock) {
        this.folder = requireNonNull(folder, "folder is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.actors = requireNonNull(actors, "actors is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What was removed: the files, how many decisions they held, and the first day still kept. */
    public record Expiry(LocalDate keptFrom, List<String> files, long lines) {
        public Expiry {
            files = List.copyOf(files);
        }
    }

    /**
     * The decision and the shadows scored beside it.
     *
     * @throws AssayException NOT_FOUND when the log holds no such decision
     */
    public List<Decision> show(String actorName, String decisionId, String requestId) {
        Permission.READ_DECISIONS.require(actors.apply(actorName));
        List<Decision> found = DecisionLog.find(folder, decisionId);
        if (found.isEmpty()) {
            throw AssayException.notFound("the " + environment + " decision log holds no decision " + Names.quoted(decisionId)
                    + " (removed past its retention, or decided in another environment)");
        }
        record(actorName, "decisions.read", "decision " + decisionId, "-", "read one decision", requestId);
        return found;
    }

    /** Everything decided about one customer, oldest first; none is an answer too. */
    public List<Decision> about(String actorName, String customerToken, String requestId) {
        Permission.READ_DECISIONS.require(actors.apply(actorName));
        List<Decision> found = DecisionLog.about(folder, customerToken);
        record(actorName, "decisions.export", "customer " + customerToken, found.size() + " lines",
                "everything decided about one customer", requestId);
        return found;
    }

    /** Removes the log files of days before today minus {@code retentionMonths}, and records what went. */
    public Expiry expire(String actorName, int retentionMonths, String requestId) {
        Permission.EXPIRE_DECISIONS.require(actors.apply(actorName));
        if (retentionMonths < 1 || retentionMonths > 1200) {
            throw AssayException.invalid("a retention period is 1 to 1200 months; " + retentionMonths + " given");
        }
        LocalDate keptFrom = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusMonths(retentionMonths);
        List<Path> expired = DecisionLog.files(folder).stream().filter(file -> DecisionLog.dayOf(file).isBefore(keptFrom)).toList();
        List<String> removed = new ArrayList<>();
        long lines = 0;
        for (Path file : expired) {
            try {
                try (var read = Files.lines(file)) {
                    lines += read.count();
                }
                Files.delete(file);
                removed.add(file.getFileName().toString());
            } catch (IOException e) {
                // What went is recorded before the failure is reported, so the audit log never misses a removal.
                record(actorName, "decisions.expire", environment + " decision log", removed.size() + " files",
                        "retention " + retentionMonths + " months, stopped at " + file.getFileName() + ": " + e.getMessage(), requestId);
                throw new AssayException(ErrorCode.STORAGE_FAILURE, "cannot remove " + file + ": " + e.getMessage());
            }
        }
        record(actorName, "decisions.expire", environment + " decision log", removed.size() + " files, " + lines + " lines",
                "retention " + retentionMonths + " months: kept from " + keptFrom, requestId);
        return new Expiry(keptFrom, removed, lines);
    }

    private void record(String actorName, String action, String subject, String after, String reason, String requestId) {
        audit.append(new AuditEntry(clock.instant(), actorName, action, subject, "-", after, reason, requestId));
    }
}
