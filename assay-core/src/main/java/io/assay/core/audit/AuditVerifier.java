package io.assay.core.audit;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Walks the chain in sequence order and finds the first event that does not fit: a gap (a
 * deleted event), a wrong link (an inserted or reordered one) or a wrong hash (an edited one).
 * Against a checkpoint it also catches a chain rewritten consistently from some point on.
 * Streaming: it keeps only the previous event, so a chain of any length fits in memory.
 */
public final class AuditVerifier implements Consumer<AuditEvent> {
    private final Optional<AuditCheckpoint> checkpoint;
    private long checked;
    private AuditEvent previous;
    private Long broken;
    private String problem = "";
    private boolean checkpointSeen;

    private AuditVerifier(Optional<AuditCheckpoint> checkpoint) {
        this.checkpoint = checkpoint;
    }

    public static AuditVerifier create() {
        return new AuditVerifier(Optional.empty());
    }

    public static AuditVerifier against(AuditCheckpoint checkpoint) {
        return new AuditVerifier(Optional.of(checkpoint));
    }

    @Override
    public void accept(AuditEvent event) {
        if (broken != null) {
            return;
        }
        checked++;
        long expected = previous == null ? 1 : previous.sequence() + 1;
        String expectedPrevious = previous == null ? AuditChain.GENESIS : previous.hash();
        if (event.sequence() != expected) {
            fail(expected, "event " + expected + " is missing (the next event is " + event.sequence() + ")");
        } else if (!event.previousHash().equals(expectedPrevious)) {
            fail(event.sequence(), "event " + event.sequence() + " does not link to event " + (expected - 1)
                    + " (inserted, reordered or rewritten)");
        } else if (!AuditChain.hash(event.sequence(), event.entry(), event.previousHash()).equals(event.hash())) {
            fail(event.sequence(), "event " + event.sequence() + " does not match its hash (its content was changed)");
        } else if (checkpoint.isPresent() && event.sequence() == checkpoint.get().sequence()) {
            checkpointSeen = true;
            if (!event.hash().equals(checkpoint.get().hash())) {
                fail(event.sequence(), "event " + event.sequence() + " differs from the exported checkpoint"
                        + " (the chain was rewritten up to or before it)");
            }
        }
        previous = event;
    }

    public AuditVerification result() {
        if (broken == null && checkpoint.isPresent() && !checkpointSeen && checkpoint.get().sequence() > 0) {
            long last = previous == null ? 0 : previous.sequence();
            fail(last + 1, "the chain ends at event " + last + ", before the checkpoint's event "
                    + checkpoint.get().sequence() + " (events were removed from the end)");
        }
        return new AuditVerification(checked, Optional.ofNullable(broken), broken == null ? "" : problem,
                Optional.ofNullable(previous));
    }

    private void fail(long sequence, String why) {
        broken = sequence;
        problem = why;
    }
}
