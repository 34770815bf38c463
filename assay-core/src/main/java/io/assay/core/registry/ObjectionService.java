package io.assay.core.registry;

import io.assay.core.access.Permission;
import io.assay.core.audit.AuditEntry;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.time.Clock;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The objection registry as a use case: the data steward records and withdraws customers'
 * marketing objections, each change saved with its audit event in one transaction. The data
 * plane reads {@link RegistryStore#listObjections} when it refreshes, never per request.
 */
public final class ObjectionService {
    private final RegistryStore store;
    private final AuditedChanges changes;

    public ObjectionService(RegistryStore store, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.changes = new AuditedChanges(store, clock);
    }

    /** @throws AssayException ALREADY_EXISTS when the customer objects already (withdraw it first to change the note) */
    public Objection add(String actorName, String customerToken, String note, String requestId) {
        return changes.run(actorName, "objection.add", subject(customerToken), requestId, tx -> {
            Permission.MANAGE_OBJECTIONS.require(tx.activeActor(actorName));
            if (tx.findObjection(customerToken).isPresent()) {
                throw new AssayException(ErrorCode.ALREADY_EXISTS, "customer " + Names.quoted(customerToken) + " objects to marketing "
                        + "already");
            }
            Objection objection = new Objection(customerToken, actorName, changes.now(), note);
            tx.insertObjection(objection);
            tx.appendAudit(new AuditEntry(objection.recordedAt(), actorName, "objection.add", subject(customerToken), "-", "objects",
                    note, requestId));
            return objection;
        });
    }

    /** @throws AssayException NOT_FOUND when the customer has no objection on record */
    public Objection remove(String actorName, String customerToken, String reason, String requestId) {
        return changes.run(actorName, "objection.remove", subject(customerToken), requestId, tx -> {
            Permission.MANAGE_OBJECTIONS.require(tx.activeActor(actorName));
            Objection found = tx.findObjection(customerToken).orElseThrow(() -> AssayException.notFound("customer "
                    + Names.quoted(customerToken) + " has no marketing objection on record"));
            tx.deleteObjection(customerToken);
            tx.appendAudit(new AuditEntry(changes.now(), actorName, "objection.remove", subject(customerToken), "objects", "-",
                    Names.requireText("reason", reason, 1000), requestId));
            return found;
        });
    }

    public List<Objection> list(String actorName) {
        Permission.MANAGE_OBJECTIONS.require(store.activeActor(actorName));
        return store.listObjections();
    }

    private static String subject(String customerToken) {
        return "customer " + Names.printable(customerToken, Objection.MAX_TOKEN);
    }
}
