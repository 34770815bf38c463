package io.assay.banksim;

import static io.assay.banksim.BadRowKind.DUPLICATE_ID;
import static io.assay.banksim.BadRowKind.MALFORMED_DATE;
import static io.assay.banksim.BadRowKind.MISSING_REQUIRED;
import static io.assay.banksim.BadRowKind.UNKNOWN_CODE;

/** Writes {@code transactions.csv}: the day's bookings. */
final class TransactionRows {
    private static final Table TABLE = Table.TRANSACTIONS;
    private static final byte[] EUR = Texts.safe("EUR");

    private final CsvFile csv;
    private final BadRows badRows;
    private final Sequences sequences;
    private final Today today;
    private long lastGoodId = -1;

    TransactionRows(CsvFile csv, BadRows badRows, Sequences sequences, Today today) {
        this.csv = csv;
        this.badRows = badRows;
        this.sequences = sequences;
        this.today = today;
    }

    /**
     * One booking. The description is one or two safe fragments (joined by a space), or null.
     */
    void write(Customer customer, Account account, long cents, Category category, Channel channel, long party,
               byte[] description, byte[] suffix) {
        long id = ++sequences.transactions;
        BadRowKind bad = badRows.next(TABLE);
        if (bad == DUPLICATE_ID && lastGoodId < 0) {
            bad = MISSING_REQUIRED;
        }
        int variant = bad == null ? 0 : badRows.variant(TABLE, 4);
        boolean missing = bad == MISSING_REQUIRED;
        csv.id('T', bad == DUPLICATE_ID ? lastGoodId : id, 12);
        if (missing && variant % 2 == 0) {
            csv.empty();
        } else {
            csv.id('A', account.product.accountNumber(customer.index), 9);
        }
        csv.id('C', customer.index + 1L, 8);
        if (bad == MALFORMED_DATE) {
            csv.text(Faults.malformedDate(today.epochDay, variant));
        } else {
            csv.date(today.epochDay);
        }
        if (missing && variant % 2 == 1) {
            csv.empty();
        } else {
            csv.cents(cents);
        }
        csv.field(EUR);
        if (bad == UNKNOWN_CODE) {
            csv.text(Faults.UNKNOWN_CATEGORIES[variant % Faults.UNKNOWN_CATEGORIES.length]);
        } else {
            csv.field(category.code);
        }
        csv.field(channel.code);
        if (party == Parties.NONE) {
            csv.empty();
        } else {
            csv.iban(Parties.bank(party), Parties.accountNumber(party));
        }
        if (bad != null && Faults.isLeak(bad)) {
            csv.text(Faults.leak(bad, customer, variant));
        } else {
            csv.field(description);
            if (suffix != null) {
                csv.append(' ').append(suffix);
            }
        }
        csv.endRow();
        if (bad == null) {
            lastGoodId = id;
        } else {
            badRows.count(bad);
        }
    }
}
