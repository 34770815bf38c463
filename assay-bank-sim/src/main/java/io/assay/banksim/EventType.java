package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * A digital event's type.
 * Names are the codes written to the extract (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum EventType {
    LOGIN, APP_OPEN, PAGE_VIEW, PAYMENT_SETUP, COMPLAINT, CONTACT;

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);
}
