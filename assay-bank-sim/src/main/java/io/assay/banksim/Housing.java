package io.assay.banksim;

/** How a customer lives, which decides the monthly housing payment. */
enum Housing {
    WITH_PARENTS,
    RENTER,
    OWNER_WITH_MORTGAGE,
    OWNER_WITHOUT_MORTGAGE
}
