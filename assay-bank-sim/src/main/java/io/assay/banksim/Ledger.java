package io.assay.banksim;

/**
 * Books money: every booking changes an account's balance and writes one transaction row, so
 * the balances in accounts.csv always equal yesterday's plus today's bookings.
 */
final class Ledger {
    private final TransactionRows rows;

    Ledger(TransactionRows rows) {
        this.rows = rows;
    }

    /** Books an amount (cents, negative = out) on an account; nothing for a zero amount, which no bank books. */
    void book(Customer customer, Account account, long cents, Category category, Channel channel, long party,
              byte[] description) {
        book(customer, account, cents, category, channel, party, description, null);
    }

    void book(Customer customer, Account account, long cents, Category category, Channel channel, long party,
              byte[] description, byte[] suffix) {
        if (cents == 0) {
            return;
        }
        account.balance += cents;
        rows.write(customer, account, cents, category, channel, party, description, suffix);
    }

    /** Moves money between two of the customer's own accounts: two bookings, each naming the other account. */
    void transfer(Customer customer, Account from, Account to, long cents, Category outCategory, Category inCategory,
                  byte[] outDescription, byte[] inDescription) {
        if (cents <= 0) {
            return;
        }
        book(customer, from, -cents, outCategory, Channel.ONLINE, Parties.ours(customer, to.product), outDescription);
        book(customer, to, cents, inCategory, Channel.ONLINE, Parties.ours(customer, from.product), inDescription);
    }
}
