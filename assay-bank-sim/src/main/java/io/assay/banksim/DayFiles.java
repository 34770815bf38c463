package io.assay.banksim;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The five files of one day folder, open together and written as customers are simulated. */
final class DayFiles implements AutoCloseable {
    /** A finished file's control totals, as extract.json records them. */
    record Totals(long rows, String sha256) {
    }

    final CustomerRows customers;
    final AccountRows accounts;
    final TransactionRows transactions;
    final ProductRows products;
    final EventRows events;
    private final CsvFile[] files = new CsvFile[Table.ALL.length];

    DayFiles(Path folder, Today today, BadRows badRows, Sequences sequences) {
        try {
            for (Table table : Table.ALL) {
                files[table.ordinal()] = new CsvFile(folder.resolve(table.fileName()), table.header);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        badRows.startDay(today.index);
        this.customers = new CustomerRows(file(Table.CUSTOMERS), badRows, today);
        this.accounts = new AccountRows(file(Table.ACCOUNTS), badRows);
        this.transactions = new TransactionRows(file(Table.TRANSACTIONS), badRows, sequences, today);
        this.products = new ProductRows(file(Table.PRODUCTS), badRows, sequences);
        this.events = new EventRows(file(Table.DIGITAL_EVENTS), badRows, sequences, today);
    }

    /** Flushes and closes every file; returns their totals in extract order. */
    Map<Table, Totals> finish() {
        Map<Table, Totals> totals = new LinkedHashMap<>();
        for (Table table : Table.ALL) {
            CsvFile csv = file(table);
            String sha256 = csv.finish();
            totals.put(table, new Totals(csv.rows(), sha256));
        }
        return totals;
    }

    /** Closes whatever is open; harmless after {@link #finish}. */
    @Override
    public void close() {
        for (CsvFile csv : files) {
            if (csv != null) {
                csv.close();
            }
        }
    }

    private CsvFile file(Table table) {
        return files[table.ordinal()];
    }
}
