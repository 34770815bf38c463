package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * A customer's commercial segment.
 * Names are the codes written to the extract (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum Segment {
    MASS, AFFLUENT, STUDENT, SENIOR;

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);
}
