package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * A product a customer can hold, one account each. Names are the codes written to the extract
 * (EXTRACT_FORMAT.md); add none without the data contracts.
 */
enum Product {
    CURRENT,
    SAVINGS,
    CREDIT_CARD,
    PERSONAL_LOAN,
    MORTGAGE;

    static final Product[] ALL = values();

    final byte[] code = name().getBytes(StandardCharsets.US_ASCII);

    /** The account id's number: the customer's number times ten plus the product's position. */
    long accountNumber(int customerIndex) {
        return (customerIndex + 1L) * 10 + ordinal();
    }
}
