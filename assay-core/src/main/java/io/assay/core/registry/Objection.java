package io.assay.core.registry;

import io.assay.core.common.Names;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A customer's objection to the use of their data for direct marketing (GDPR Art. 21): no use
 * case defined as marketing scores them while it stands. Kept by the customer's token, never the
 * raw id, which is tokenised on entry.
 */
public record Objection(String customer, String recordedBy, Instant recordedAt, String note) {
    public static final int MAX_TOKEN = 128;

    public Objection {
        customer = Names.requireText("customer token", customer, MAX_TOKEN);
        Names.requireUserName(recordedBy);
        requireNonNull(recordedAt, "recordedAt is null");
        note = Names.requireText("objection note", note, 1000);
    }
}
