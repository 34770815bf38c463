package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * Where a digital event happened.
 * Names are the codes written to the extract (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum EventChannel {
    APP, WEB, PHONE, BRANCH;

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);
}
