package io.assay.banksim;

import static io.assay.banksim.BadRowKind.DUPLICATE_ID;
import static io.assay.banksim.BadRowKind.MALFORMED_DATE;
import static io.assay.banksim.BadRowKind.MISSING_REQUIRED;
import static io.assay.banksim.BadRowKind.NEGATIVE_AGE;
import static io.assay.banksim.BadRowKind.UNKNOWN_CODE;

/** Writes {@code customers.csv}: new or changed customers (every customer on the first day). */
final class CustomerRows {
    private static final Table TABLE = Table.CUSTOMERS;

    private final CsvFile csv;
    private final BadRows badRows;
    private final Today today;
    private int lastGoodIndex = -1;

    CustomerRows(CsvFile csv, BadRows badRows, Today today) {
        this.csv = csv;
        this.badRows = badRows;
        this.today = today;
    }

    void write(Customer customer) {
        BadRowKind bad = badRows.next(TABLE);
        if (bad == DUPLICATE_ID && lastGoodIndex < 0) {
            bad = MISSING_REQUIRED;
        }
        int variant = bad == null ? 0 : badRows.variant(TABLE, 3);
        boolean missing = bad == MISSING_REQUIRED;
        boolean unknown = bad == UNKNOWN_CODE;
        csv.id('C', (bad == DUPLICATE_ID ? lastGoodIndex : customer.index) + 1L, 8);
        if (missing && variant == 0) {
            csv.empty();
        } else {
            csv.text(Identity.fullName(customer));
        }
        if (bad == MALFORMED_DATE) {
            csv.text(Faults.malformedDate(customer.birthDay, variant));
        } else if (missing && variant == 1) {
            csv.empty();
        } else {
            csv.date(customer.birthDay);
        }
        csv.text(Identity.email(customer)).text(Identity.phone(customer));
        if (missing && variant == 2) {
            csv.empty();
        } else {
            csv.field(customer.gender.code);
        }
        int age = customer.ageOn(today.epochDay);
        csv.number(bad == NEGATIVE_AGE ? -age : age);
        unknownOr(unknown && variant == 0, customer.segment.code, "PRIVATE_BANKING");
        unknownOr(unknown && variant == 1, customer.region.code, "ABROAD");
        csv.number(Ages.monthsBetween(customer.joinedOn, today.epochDay))
                .field(customer.incomeBand.code)
                .field(customer.employment.code)
                .number(customer.householdSize);
        unknownOr(unknown && variant == 2, customer.status.code, "SUSPENDED");
        csv.endRow();
        if (bad == null) {
            lastGoodIndex = customer.index;
        } else {
            badRows.count(bad);
        }
    }

    private void unknownOr(boolean unknown, byte[] code, String unknownCode) {
        if (unknown) {
            csv.text(unknownCode);
        } else {
            csv.field(code);
        }
    }
}
