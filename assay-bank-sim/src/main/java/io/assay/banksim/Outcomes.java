package io.assay.banksim;

/** What the simulator knows happened, from its hidden state; reported in the summary, never written to the extract. */
final class Outcomes {
    long customersAtStart;
    long customersJoined;
    long customersClosed;
    long customersDormant;
    long mortgagesTaken;
    long customersBelowZero;
}
