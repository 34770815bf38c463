package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * A product event's action.
 * Names are the codes written to the extract (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum ProductAction {
    HELD, OPENED, CLOSED;

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);
}
