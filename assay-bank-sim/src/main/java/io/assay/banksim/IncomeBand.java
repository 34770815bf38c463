package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * A customer's income band as the bank assessed it.
 * Names are the codes written to the extract (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum IncomeBand {
    LOW, MIDDLE, HIGH, VERY_HIGH;

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);
}
