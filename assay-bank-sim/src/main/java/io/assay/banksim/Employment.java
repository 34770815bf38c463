package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * A customer's employment.
 * Names are the codes written to the extract (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum Employment {
    EMPLOYED, SELF_EMPLOYED, STUDENT, RETIRED, UNEMPLOYED;

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);
}
