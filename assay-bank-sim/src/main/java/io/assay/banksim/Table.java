package io.assay.banksim;

import static io.assay.banksim.BadRowKind.DUPLICATE_ID;
import static io.assay.banksim.BadRowKind.LEAKED_EMAIL;
import static io.assay.banksim.BadRowKind.LEAKED_IBAN;
import static io.assay.banksim.BadRowKind.LEAKED_PHONE;
import static io.assay.banksim.BadRowKind.MALFORMED_DATE;
import static io.assay.banksim.BadRowKind.MISSING_REQUIRED;
import static io.assay.banksim.BadRowKind.NEGATIVE_AGE;
import static io.assay.banksim.BadRowKind.UNKNOWN_CODE;

/**
 * The extract's files in their order, with their headers exactly as EXTRACT_FORMAT.md gives
 * them (the data contracts are built on these names and this order), and the ways each one's
 * rows can break.
 */
enum Table {
    CUSTOMERS("customers", "customer_id,full_name,date_of_birth,email,phone,gender,age,segment,region,tenure_months,"
            + "income_band,employment,household_size,status",
            MALFORMED_DATE, NEGATIVE_AGE, UNKNOWN_CODE, DUPLICATE_ID, MISSING_REQUIRED),
    ACCOUNTS("accounts", "account_id,customer_id,iban,product_code,currency,opened_on,status,balance,credit_limit",
            MALFORMED_DATE, UNKNOWN_CODE, DUPLICATE_ID, MISSING_REQUIRED),
    TRANSACTIONS("transactions", "transaction_id,account_id,customer_id,booking_date,amount,currency,category,channel,"
            + "counterparty_iban,description",
            MALFORMED_DATE, UNKNOWN_CODE, DUPLICATE_ID, MISSING_REQUIRED, LEAKED_IBAN, LEAKED_EMAIL, LEAKED_PHONE),
    PRODUCTS("products", "event_id,customer_id,account_id,product_code,action,action_date",
            MALFORMED_DATE, UNKNOWN_CODE, DUPLICATE_ID, MISSING_REQUIRED),
    DIGITAL_EVENTS("digital_events", "event_id,customer_id,event_time,event_type,channel,detail",
            MALFORMED_DATE, UNKNOWN_CODE, DUPLICATE_ID, MISSING_REQUIRED, LEAKED_IBAN, LEAKED_EMAIL, LEAKED_PHONE);

    static final Table[] ALL = values();

    /** File base name, also the key in {@link SimulationSummary#rowsPerTable()}. */
    final String baseName;
    final String header;
    final BadRowKind[] badRowKinds;

    Table(String baseName, String header, BadRowKind... badRowKinds) {
        this.baseName = baseName;
        this.header = header;
        this.badRowKinds = badRowKinds;
    }

    String fileName() {
        return baseName + ".csv";
    }
}
