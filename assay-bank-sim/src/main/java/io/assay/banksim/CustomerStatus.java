package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * A customer's relationship status.
 * Names are the codes written to the extract (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum CustomerStatus {
    ACTIVE, DORMANT, CLOSED;

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);
}
