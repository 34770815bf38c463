package io.assay.banksim;

import static io.assay.banksim.BadRowKind.DUPLICATE_ID;
import static io.assay.banksim.BadRowKind.MALFORMED_DATE;
import static io.assay.banksim.BadRowKind.MISSING_REQUIRED;
import static io.assay.banksim.BadRowKind.UNKNOWN_CODE;

/** Writes {@code products.csv}: holdings on the first day, then the day's openings and closings. */
final class ProductRows {
    private static final Table TABLE = Table.PRODUCTS;

    private final CsvFile csv;
    private final BadRows badRows;
    private final Sequences sequences;
    private long lastGoodId = -1;

    ProductRows(CsvFile csv, BadRows badRows, Sequences sequences) {
        this.csv = csv;
        this.badRows = badRows;
        this.sequences = sequences;
    }

    void write(Customer customer, Account account, ProductAction action, int actionDay) {
        long id = ++sequences.productEvents;
        BadRowKind bad = badRows.next(TABLE);
        if (bad == DUPLICATE_ID && lastGoodId < 0) {
            bad = MISSING_REQUIRED;
        }
        int variant = bad == null ? 0 : badRows.variant(TABLE, 2);
        boolean missing = bad == MISSING_REQUIRED;
        csv.id('P', bad == DUPLICATE_ID ? lastGoodId : id, 10);
        if (missing && variant == 0) {
            csv.empty();
        } else {
            csv.id('C', customer.index + 1L, 8);
        }
        if (missing && variant == 1) {
            csv.empty();
        } else {
            csv.id('A', account.product.accountNumber(customer.index), 9);
        }
        if (bad == UNKNOWN_CODE && variant == 0) {
            csv.text(Faults.UNKNOWN_PRODUCTS[(int) (id % 2)]);
        } else {
            csv.field(account.product.code);
        }
        if (bad == UNKNOWN_CODE && variant == 1) {
            csv.text("SUSPENDED");
        } else {
            csv.field(action.code);
        }
        if (bad == MALFORMED_DATE) {
            csv.text(Faults.malformedDate(actionDay, variant));
        } else {
            csv.date(actionDay);
        }
        csv.endRow();
        if (bad == null) {
            lastGoodId = id;
        } else {
            badRows.count(bad);
        }
    }
}
