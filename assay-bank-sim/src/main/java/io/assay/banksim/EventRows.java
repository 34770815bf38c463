package io.assay.banksim;

import static io.assay.banksim.BadRowKind.DUPLICATE_ID;
import static io.assay.banksim.BadRowKind.MALFORMED_DATE;
import static io.assay.banksim.BadRowKind.MISSING_REQUIRED;
import static io.assay.banksim.BadRowKind.UNKNOWN_CODE;

/** Writes {@code digital_events.csv}: logins, app use, page views, complaints. */
final class EventRows {
    private static final Table TABLE = Table.DIGITAL_EVENTS;

    private final CsvFile csv;
    private final BadRows badRows;
    private final Sequences sequences;
    private final Today today;
    private long lastGoodId = -1;

    EventRows(CsvFile csv, BadRows badRows, Sequences sequences, Today today) {
        this.csv = csv;
        this.badRows = badRows;
        this.sequences = sequences;
        this.today = today;
    }

    /** One event; {@code detail} is an encoded field or null. */
    void write(Customer customer, EventType type, EventChannel channel, int secondOfDay, byte[] detail) {
        long id = ++sequences.digitalEvents;
        BadRowKind bad = badRows.next(TABLE);
        if (bad == DUPLICATE_ID && lastGoodId < 0) {
            bad = MISSING_REQUIRED;
        }
        int variant = bad == null ? 0 : badRows.variant(TABLE, 3);
        boolean missing = bad == MISSING_REQUIRED;
        csv.id('E', bad == DUPLICATE_ID ? lastGoodId : id, 12);
        if (missing && variant != 2) {
            csv.empty();
        } else {
            csv.id('C', customer.index + 1L, 8);
        }
        if (bad == MALFORMED_DATE) {
            csv.text(Faults.malformedTimestamp(today.epochDay, secondOfDay, variant));
        } else {
            csv.timestamp(today.epochDay, secondOfDay);
        }
        if (bad == UNKNOWN_CODE) {
            csv.text(variant == 0 ? "CHATBOT" : "VIDEO_CALL");
        } else if (missing && variant == 2) {
            csv.empty();
        } else {
            csv.field(type.code);
        }
        csv.field(channel.code);
        if (bad != null && Faults.isLeak(bad)) {
            csv.text(Faults.leak(bad, customer, variant));
        } else {
            csv.field(detail);
        }
        csv.endRow();
        if (bad == null) {
            lastGoodId = id;
        } else {
            badRows.count(bad);
        }
    }
}
