package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * A customer's region.
 * Names are the codes written to the extract (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum Region {
    NORTH, EAST, SOUTH, WEST, CAPITAL;

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);
}
