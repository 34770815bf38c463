package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * A transaction's category.
 * Names are the codes written to the extract (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum Category {
    SALARY, PENSION, BENEFITS, RENT, MORTGAGE_PAYMENT, GROCERIES, CARD_SPEND, DIRECT_DEBIT, UTILITIES, INSURANCE,
    TRANSFER_IN, TRANSFER_OUT, ATM, GAMBLING, NOTARY, REAL_ESTATE, LOAN_REPAYMENT, INTEREST, FEE;

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);
}
