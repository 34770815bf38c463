package io.assay.testing;

import io.assay.core.audit.AuditChain;
import io.assay.core.audit.AuditCheckpoint;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditEvent;
import io.assay.core.audit.AuditVerification;
import io.assay.core.audit.AuditVerifier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditVerifierTest {
    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void an_untouched_chain_is_intact_and_reports_its_head() {
        List<AuditEvent> chain = chain(10);

        AuditVerification result = verify(chain, AuditVerifier.create());

        assertThat(result.intact()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(10);
        assertThat(result.head()).contains(chain.get(9));
    }

    @Test
    void an_edited_event_is_named_by_its_sequence_number() {
        List<AuditEvent> chain = chain(10);
        AuditEvent original = chain.get(4);
        AuditEntry edited = new AuditEntry(original.entry().time(), "mallory", original.entry().action(), original.entry().subject(),
                original.entry().before(), original.entry().after(), original.entry().reason(), original.entry().requestId());
        chain.set(4, new AuditEvent(5, edited, original.previousHash(), original.hash()));

        assertThat(verify(chain, AuditVerifier.create()).firstBrokenSequence()).contains(5L);
    }

    @Test
    void a_deleted_event_is_named_by_the_missing_sequence_number() {
        List<AuditEvent> chain = chain(10);
        chain.remove(6);

        AuditVerification result = verify(chain, AuditVerifier.create());

        assertThat(result.firstBrokenSequence()).contains(7L);
        assertThat(result.problem()).contains("event 7 is missing");
    }

    @Test
    void swapped_events_are_caught_at_the_first_of_them() {
        List<AuditEvent> chain = chain(10);
        AuditEvent third = chain.get(2);
        AuditEvent fourth = chain.get(3);
        chain.set(2, new AuditEvent(3, fourth.entry(), fourth.previousHash(), fourth.hash()));
        chain.set(3, new AuditEvent(4, third.entry(), third.previousHash(), third.hash()));

        assertThat(verify(chain, AuditVerifier.create()).firstBrokenSequence()).contains(3L);
    }

    @Test
    void a_consistent_rewrite_passes_alone_but_not_against_an_exported_checkpoint() {
        List<AuditEvent> chain = chain(10);
        AuditCheckpoint checkpoint = new AuditCheckpoint(8, chain.get(7).hash(), T);
        List<AuditEvent> rewritten = new ArrayList<>(chain.subList(0, 2));
        for (int i = 2; i < 10; i++) {
            AuditEntry entry = chain.get(i).entry();
            AuditEntry forged = new AuditEntry(entry.time(), entry.actor(), entry.action(), entry.subject(), entry.before(), entry.after(),
                    "nothing happened here", entry.requestId());
            rewritten.add(AuditChain.link(rewritten.get(i - 1), forged));
        }

        assertThat(verify(rewritten, AuditVerifier.create()).intact()).isTrue();
        assertThat(verify(rewritten, AuditVerifier.against(checkpoint)).firstBrokenSequence()).contains(8L);
        assertThat(verify(chain, AuditVerifier.against(checkpoint)).intact()).isTrue();
    }

    @Test
    void a_chain_cut_short_before_the_checkpoint_is_caught() {
        List<AuditEvent> chain = chain(10);
        AuditCheckpoint checkpoint = new AuditCheckpoint(10, chain.get(9).hash(), T);

        AuditVerification result = verify(chain.subList(0, 7), AuditVerifier.against(checkpoint));

        assertThat(result.firstBrokenSequence()).contains(8L);
        assertThat(result.problem()).contains("removed from the end");
    }

    private static List<AuditEvent> chain(int length) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            events.add(AuditChain.link(events.isEmpty() ? null : events.get(i - 1), new AuditEntry(T.plusSeconds(i), "dana",
                    "version.submit", "model:churn/v" + i, "DRAFT", "CANDIDATE", "step " + i, "req-" + i)));
        }
        return events;
    }

    private static AuditVerification verify(List<AuditEvent> events, AuditVerifier verifier) {
        Collections.unmodifiableList(events).forEach(verifier);
        return verifier.result();
    }
}
