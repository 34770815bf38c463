package io.assay.banksim;

/** Everything a customer's day needs: the calendar, the dice, the files, the ledger, the outcome tally and the ground truth. */
final class DayContext {
    final Today today;
    final Dice dice = new Dice();
    final DayFiles files;
    final Ledger ledger;
    final Outcomes outcomes;
    final long seed;
    final GroundTruth truth;

    DayContext(Today today, DayFiles files, Outcomes outcomes, long seed, GroundTruth truth) {
        this.today = today;
        this.files = files;
        this.ledger = new Ledger(files.transactions);
        this.outcomes = outcomes;
        this.seed = seed;
        this.truth = truth;
    }

    /** Days since an epoch day, or a large number for {@link Customer#NEVER}. */
    int daysSince(int epochDay) {
        return epochDay == Customer.NEVER ? Integer.MAX_VALUE : today.epochDay - epochDay;
    }

    /** Opens a product today: the account exists from today and a product event says so. */
    Account open(Customer customer, Product product) {
        Account account = new Account(product, today.epochDay);
        customer.accounts[product.ordinal()] = account;
        files.products.write(customer, account, ProductAction.OPENED, today.epochDay);
        return account;
    }

    /** Closes an account whose balance is zero: its last row shows it closed. */
    void close(Customer customer, Account account) {
        if (account.balance != 0) {
            throw new IllegalStateException("account " + account.product + " of customer " + customer.index
                    + " closes with balance " + account.balance);
        }
        account.closedOn = today.epochDay;
        files.products.write(customer, account, ProductAction.CLOSED, today.epochDay);
    }
}
