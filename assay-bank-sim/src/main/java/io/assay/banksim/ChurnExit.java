package io.assay.banksim;

/** How a disengaging customer's story ends: decided when it starts, revealed only by what follows. */
enum ChurnExit {
    /** Moves the money out and closes every product. */
    CLOSE,
    /** Moves most money out and stops using the bank, leaving the accounts open. */
    DORMANT,
    /** Complains and withdraws for a while, then comes back. */
    RECOVER
}
