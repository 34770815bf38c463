package io.assay.banksim;

/**
 * A change in the bank's world from the configured shift day on, so that drift monitoring has
 * something real to find. Both kinds keep every row valid under the data contracts: the data
 * drifts, the schema does not.
 */
public enum Shift {
    /** Nothing changes. */
    NONE,
    /** Prices rise: groceries, utilities and card spend cost 12–18 % more. */
    INFLATION,
    /**
     * A payroll processor takes over many employers' salary runs and books them as
     * {@code TRANSFER_IN} with its own description, so the share of {@code SALARY} bookings falls.
     */
    SALARY_TAXONOMY,
    /** Both of the above on the same day. */
    INFLATION_AND_SALARY_TAXONOMY;

    boolean inflates() {
        return switch (this) {
            case INFLATION, INFLATION_AND_SALARY_TAXONOMY -> true;
            case NONE, SALARY_TAXONOMY -> false;
        };
    }

    boolean movesSalaries() {
        return switch (this) {
            case SALARY_TAXONOMY, INFLATION_AND_SALARY_TAXONOMY -> true;
            case NONE, INFLATION -> false;
        };
    }
}
