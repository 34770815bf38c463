package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * A transaction's payment channel.
 * Names are the codes written to the extract (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum Channel {
    CARD, SEPA, ATM, ONLINE, BRANCH;

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);
}
