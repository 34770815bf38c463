package io.assay.banksim;

/** Where a customer stands on the way to buying a home with a mortgage. */
enum HomeStage {
    NONE,
    /** Saving hard and reading about mortgages. */
    SAVING,
    /** An offer accepted: agent and valuation fees, the deposit at the notary; the mortgage follows. */
    BUYING
}
