package io.assay.banksim;

/** One product's account: mutable state that only the simulator's bookings change. */
final class Account {
    final Product product;
    final int openedOn;
    /** Cents; negative means overdrawn or owed. */
    long balance;
    /** Cents: overdraft or card limit, 0 when none. */
    long creditLimit;
    /** Cents: the monthly instalment of a loan or mortgage. */
    long instalment;
    /** Epoch day of closure, or {@link #OPEN}. */
    int closedOn = OPEN;

    static final int OPEN = Integer.MAX_VALUE;

    Account(Product product, int openedOn) {
        this.product = product;
        this.openedOn = openedOn;
    }

    boolean isOpen() {
        return closedOn == OPEN;
    }

    /** Open, or closed on the given day (its last row shows it closed). */
    boolean isListedOn(int epochDay) {
        return closedOn >= epochDay;
    }
}
