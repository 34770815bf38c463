package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * A customer's gender: a protected attribute, written for fairness tests and never a cause of behaviour.
 * Names are the codes written to the extract (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum Gender {
    F, M, X;

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);
}
