package io.assay.banksim;

import static io.assay.banksim.BadRowKind.DUPLICATE_ID;
import static io.assay.banksim.BadRowKind.MALFORMED_DATE;
import static io.assay.banksim.BadRowKind.MISSING_REQUIRED;
import static io.assay.banksim.BadRowKind.UNKNOWN_CODE;

/** Writes {@code accounts.csv}: the end-of-day balance of every open account, and of those closed today. */
final class AccountRows {
    private static final Table TABLE = Table.ACCOUNTS;
    private static final byte[] EUR = Texts.safe("EUR");
    private static final byte[] OPEN = Texts.safe("OPEN");
    private static final byte[] CLOSED = Texts.safe("CLOSED");

    private final CsvFile csv;
    private final BadRows badRows;
    private long lastGoodId = -1;

    AccountRows(CsvFile csv, BadRows badRows) {
        this.csv = csv;
        this.badRows = badRows;
    }

    void write(Customer customer, Account account) {
        long id = account.product.accountNumber(customer.index);
        BadRowKind bad = badRows.next(TABLE);
        if (bad == DUPLICATE_ID && lastGoodId < 0) {
            bad = MISSING_REQUIRED;
        }
        int variant = bad == null ? 0 : badRows.variant(TABLE, 3);
        boolean missing = bad == MISSING_REQUIRED;
        boolean unknown = bad == UNKNOWN_CODE;
        csv.id('A', bad == DUPLICATE_ID ? lastGoodId : id, 9);
        if (missing && variant == 0) {
            csv.empty();
        } else {
            csv.id('C', customer.index + 1L, 8);
        }
        csv.iban(Bank.ASSAY, Iban.accountNumber(id));
        if (unknown && variant == 0) {
            csv.text(Faults.UNKNOWN_PRODUCTS[id % 2 == 0 ? 0 : 1]);
        } else {
            csv.field(account.product.code);
        }
        if (unknown && variant != 0) {
            csv.text(variant == 1 ? "USD" : "GBP");
        } else {
            csv.field(EUR);
        }
        if (bad == MALFORMED_DATE) {
            csv.text(Faults.malformedDate(account.openedOn, variant));
        } else {
            csv.date(account.openedOn);
        }
        csv.field(account.isOpen() ? OPEN : CLOSED);
        if (missing && variant != 0) {
            csv.empty();
        } else {
            csv.cents(account.balance);
        }
        csv.cents(account.creditLimit).endRow();
        if (bad == null) {
            lastGoodId = id;
        } else {
            badRows.count(bad);
        }
    }
}
